//! Settings, resolved once before any work starts.
//!
//! Precedence, lowest to highest: built-in defaults < user config
//! (`$XDG_CONFIG_HOME/arch/config.yaml`, or the file given by `--config`) < the
//! repository's `arch.yaml` < `ARCH_*` environment variables < command-line flags.
//! Every value remembers where it came from so `arch config show` can say so.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Report formats of `arch analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// For people at a terminal.
    Text,
    /// The documented, versioned contract for tools.
    Json,
    /// For pull requests and `$GITHUB_STEP_SUMMARY`.
    Markdown,
    /// Graphviz module graph.
    Dot,
    /// Mermaid module graph.
    Mermaid,
    /// SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards.
    Sarif,
    /// JUnit XML, one test case per rule (implies `--check`).
    Junit,
    /// GitHub Actions workflow commands that annotate the diff (implies `--check`).
    Github,
}

impl Format {
    /// Formats that only make sense for rule violations.
    pub fn implies_check(self) -> bool {
        matches!(self, Format::Sarif | Format::Junit | Format::Github)
    }
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum Source {
    /// Built into `arch`.
    Default,
    /// The user configuration file.
    UserConfig(PathBuf),
    /// The repository's `arch.yaml`.
    RepoConfig(PathBuf),
    /// An environment variable.
    Env(String),
    /// A command-line flag.
    Flag(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => write!(f, "default"),
            Source::UserConfig(p) => write!(f, "user config {}", p.display()),
            Source::RepoConfig(p) => write!(f, "repository config {}", p.display()),
            Source::Env(v) => write!(f, "environment {v}"),
            Source::Flag(n) => write!(f, "flag {n}"),
        }
    }
}

/// A resolved value and its origin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

impl<T> Setting<T> {
    fn new(value: T) -> Self {
        Self {
            value,
            source: Source::Default,
        }
    }

    fn set(&mut self, value: Option<T>, source: &Source) {
        if let Some(value) = value {
            self.value = value;
            self.source = source.clone();
        }
    }
}

/// The resolved settings of one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// `analyze.max_file_size`: files larger than this many bytes are skipped.
    pub max_file_size: Setting<u64>,
    /// `analyze.exclude`: glob patterns (relative to the root) left out of the walk.
    pub exclude: Setting<Vec<String>>,
    /// `analyze.include_vendored`: walk into vendored trees too.
    pub include_vendored: Setting<bool>,
    /// `analyze.follow_symlinks`: follow symbolic links (loops are detected).
    pub follow_symlinks: Setting<bool>,
    /// `analyze.threads`: parser threads, 0 for every core.
    pub threads: Setting<usize>,
    /// `analyze.cache`: keep per-file facts between runs.
    pub cache: Setting<bool>,
    /// `analyze.cache_dir`: where the fact cache lives (default `$XDG_CACHE_HOME/arch`).
    pub cache_dir: Setting<Option<PathBuf>>,
    /// `output.format`: report format.
    pub format: Setting<Format>,
    /// `output.color`: when to colour.
    pub color: Setting<ColorChoice>,
    /// `output.progress`: progress bars on a terminal.
    pub progress: Setting<bool>,
    /// `models.dir`: where verified model files are installed (default `$XDG_DATA_HOME/arch/models`).
    pub models_dir: Setting<Option<PathBuf>>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_file_size: Setting::new(1024 * 1024),
            exclude: Setting::new(Vec::new()),
            include_vendored: Setting::new(false),
            follow_symlinks: Setting::new(false),
            threads: Setting::new(0),
            cache: Setting::new(true),
            cache_dir: Setting::new(None),
            format: Setting::new(Format::Text),
            color: Setting::new(ColorChoice::Auto),
            progress: Setting::new(true),
            models_dir: Setting::new(None),
        }
    }
}

/// One layer of configuration: a file, the environment or the flags.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// `analyze:` section.
    #[serde(default)]
    pub analyze: AnalyzeLayer,
    /// `output:` section.
    #[serde(default)]
    pub output: OutputLayer,
    /// `models:` section.
    #[serde(default)]
    pub models: ModelsLayer,
    /// `rules:` section: read by [`crate::rules`], which validates it; settings ignore it.
    #[serde(default)]
    pub rules: Option<serde_yaml::Value>,
}

/// The `analyze:` section of a configuration layer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzeLayer {
    /// See [`Settings::max_file_size`].
    pub max_file_size: Option<u64>,
    /// See [`Settings::exclude`].
    pub exclude: Option<Vec<String>>,
    /// See [`Settings::include_vendored`].
    pub include_vendored: Option<bool>,
    /// See [`Settings::follow_symlinks`].
    pub follow_symlinks: Option<bool>,
    /// See [`Settings::threads`].
    pub threads: Option<usize>,
    /// See [`Settings::cache`].
    pub cache: Option<bool>,
    /// See [`Settings::cache_dir`].
    pub cache_dir: Option<PathBuf>,
}

/// The `models:` section of a configuration layer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelsLayer {
    /// See [`Settings::models_dir`].
    pub dir: Option<PathBuf>,
}

/// The `output:` section of a configuration layer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputLayer {
    /// See [`Settings::format`].
    pub format: Option<Format>,
    /// See [`Settings::color`].
    pub color: Option<ColorChoice>,
    /// See [`Settings::progress`].
    pub progress: Option<bool>,
}

/// A configuration source that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// A configuration file could not be read.
    #[error("cannot read config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A configuration file is not valid.
    #[error("invalid config file {path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// An environment variable has a value of the wrong type.
    #[error("invalid value {value:?} in environment variable {var}: expected {expected}")]
    Env {
        /// The variable.
        var: String,
        /// Its value.
        value: String,
        /// What it should be.
        expected: &'static str,
    },
}

/// The file name of a repository's configuration.
pub const REPO_CONFIG: &str = "arch.yaml";

/// Where the user configuration lives when `--config` is not given.
pub fn default_user_config() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")))
        .map(|d| d.join("arch").join("config.yaml"))
}

/// Reads a configuration file into a layer.
pub fn read_layer(path: &Path) -> Result<Layer, SettingsError> {
    let text = std::fs::read_to_string(path).map_err(|source| SettingsError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if text.trim().is_empty() {
        return Ok(Layer::default());
    }
    serde_yaml::from_str(&text).map_err(|e| SettingsError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Reads `ARCH_*` variables through `get` (so tests need not touch the real environment).
pub fn env_layer(
    get: impl Fn(&str) -> Option<String>,
) -> Result<(Layer, Vec<(String, String)>), SettingsError> {
    let mut layer = Layer::default();
    let mut seen = Vec::new();
    let mut read = |var: &str| -> Option<String> {
        let value = get(var).filter(|v| !v.is_empty())?;
        seen.push((key_for_env(var).to_string(), var.to_string()));
        Some(value)
    };
    if let Some(v) = read("ARCH_ANALYZE_MAX_FILE_SIZE") {
        layer.analyze.max_file_size = Some(parse_env(
            "ARCH_ANALYZE_MAX_FILE_SIZE",
            &v,
            "a number of bytes",
        )?);
    }
    if let Some(v) = read("ARCH_ANALYZE_EXCLUDE") {
        layer.analyze.exclude = Some(
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        );
    }
    if let Some(v) = read("ARCH_ANALYZE_INCLUDE_VENDORED") {
        layer.analyze.include_vendored = Some(parse_bool("ARCH_ANALYZE_INCLUDE_VENDORED", &v)?);
    }
    if let Some(v) = read("ARCH_ANALYZE_FOLLOW_SYMLINKS") {
        layer.analyze.follow_symlinks = Some(parse_bool("ARCH_ANALYZE_FOLLOW_SYMLINKS", &v)?);
    }
    if let Some(v) = read("ARCH_ANALYZE_THREADS") {
        layer.analyze.threads = Some(parse_env(
            "ARCH_ANALYZE_THREADS",
            &v,
            "a number of threads",
        )?);
    }
    if let Some(v) = read("ARCH_ANALYZE_CACHE") {
        layer.analyze.cache = Some(parse_bool("ARCH_ANALYZE_CACHE", &v)?);
    }
    if let Some(v) = read("ARCH_ANALYZE_CACHE_DIR") {
        layer.analyze.cache_dir = Some(PathBuf::from(v));
    }
    if let Some(v) = read("ARCH_MODELS_DIR") {
        layer.models.dir = Some(PathBuf::from(v));
    }
    if let Some(v) = read("ARCH_OUTPUT_FORMAT") {
        layer.output.format = Some(parse_enum(
            "ARCH_OUTPUT_FORMAT",
            &v,
            "text, json, markdown, dot, mermaid, sarif, junit or github",
        )?);
    }
    if let Some(v) = read("ARCH_OUTPUT_COLOR") {
        layer.output.color = Some(parse_enum(
            "ARCH_OUTPUT_COLOR",
            &v,
            "auto, always or never",
        )?);
    }
    if let Some(v) = read("ARCH_OUTPUT_PROGRESS") {
        layer.output.progress = Some(parse_bool("ARCH_OUTPUT_PROGRESS", &v)?);
    }
    // NO_COLOR (no-color.org) is honoured unless ARCH_OUTPUT_COLOR says otherwise.
    if layer.output.color.is_none() && get("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        layer.output.color = Some(ColorChoice::Never);
        seen.push(("output.color".to_string(), "NO_COLOR".to_string()));
    }
    Ok((layer, seen))
}

fn key_for_env(var: &str) -> &'static str {
    match var {
        "ARCH_ANALYZE_MAX_FILE_SIZE" => "analyze.max_file_size",
        "ARCH_ANALYZE_EXCLUDE" => "analyze.exclude",
        "ARCH_ANALYZE_INCLUDE_VENDORED" => "analyze.include_vendored",
        "ARCH_ANALYZE_FOLLOW_SYMLINKS" => "analyze.follow_symlinks",
        "ARCH_ANALYZE_THREADS" => "analyze.threads",
        "ARCH_ANALYZE_CACHE" => "analyze.cache",
        "ARCH_ANALYZE_CACHE_DIR" => "analyze.cache_dir",
        "ARCH_MODELS_DIR" => "models.dir",
        "ARCH_OUTPUT_FORMAT" => "output.format",
        "ARCH_OUTPUT_COLOR" => "output.color",
        _ => "output.progress",
    }
}

fn parse_env<T: std::str::FromStr>(
    var: &str,
    value: &str,
    expected: &'static str,
) -> Result<T, SettingsError> {
    value.trim().parse().map_err(|_| SettingsError::Env {
        var: var.to_string(),
        value: value.to_string(),
        expected,
    })
}

fn parse_bool(var: &str, value: &str) -> Result<bool, SettingsError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(SettingsError::Env {
            var: var.to_string(),
            value: value.to_string(),
            expected: "true or false",
        }),
    }
}

fn parse_enum<T: clap::ValueEnum>(
    var: &str,
    value: &str,
    expected: &'static str,
) -> Result<T, SettingsError> {
    T::from_str(value.trim(), true).map_err(|_| SettingsError::Env {
        var: var.to_string(),
        value: value.to_string(),
        expected,
    })
}

impl Settings {
    /// Applies one layer on top of the current values. For the environment, `env_sources`
    /// maps each key to the variable it came from.
    pub fn apply(&mut self, layer: Layer, source: impl Fn(&str) -> Source) {
        let a = layer.analyze;
        self.max_file_size
            .set(a.max_file_size, &source("analyze.max_file_size"));
        self.exclude.set(a.exclude, &source("analyze.exclude"));
        self.include_vendored
            .set(a.include_vendored, &source("analyze.include_vendored"));
        self.follow_symlinks
            .set(a.follow_symlinks, &source("analyze.follow_symlinks"));
        self.threads.set(a.threads, &source("analyze.threads"));
        self.cache.set(a.cache, &source("analyze.cache"));
        self.cache_dir
            .set(a.cache_dir.map(Some), &source("analyze.cache_dir"));
        let o = layer.output;
        self.format.set(o.format, &source("output.format"));
        self.color.set(o.color, &source("output.color"));
        self.progress.set(o.progress, &source("output.progress"));
        self.models_dir
            .set(layer.models.dir.map(Some), &source("models.dir"));
    }

    /// Resolves every layer in precedence order. `user_config` is the `--config` file (which
    /// must exist) or `None` for the default location (which may be absent); `repo` is the
    /// directory whose `arch.yaml` applies; `flags` are the command-line values.
    pub fn resolve(
        user_config: Option<&Path>,
        repo: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
        flags: Layer,
        flag_names: impl Fn(&str) -> String,
    ) -> Result<Self, SettingsError> {
        let mut settings = Settings::default();
        let user = match user_config {
            Some(path) => Some(path.to_path_buf()),
            None => default_user_config().filter(|p| p.is_file()),
        };
        if let Some(path) = user {
            let layer = read_layer(&path)?;
            settings.apply(layer, |_| Source::UserConfig(path.clone()));
        }
        if let Some(repo) = repo {
            let path = repo.join(REPO_CONFIG);
            if path.is_file() {
                let layer = read_layer(&path)?;
                settings.apply(layer, |_| Source::RepoConfig(path.clone()));
            }
        }
        let (layer, vars) = env_layer(env)?;
        settings.apply(layer, |key| {
            let var = vars
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            Source::Env(var)
        });
        settings.apply(flags, |key| Source::Flag(flag_names(key)));
        Ok(settings)
    }

    /// `(key, value, source)` rows in a stable order, for `arch config show`.
    pub fn rows(&self) -> Vec<(&'static str, String, &Source)> {
        let list = |v: &[String]| format!("[{}]", v.join(", "));
        let lower = |s: String| s.to_ascii_lowercase();
        vec![
            (
                "analyze.max_file_size",
                self.max_file_size.value.to_string(),
                &self.max_file_size.source,
            ),
            (
                "analyze.exclude",
                list(&self.exclude.value),
                &self.exclude.source,
            ),
            (
                "analyze.include_vendored",
                self.include_vendored.value.to_string(),
                &self.include_vendored.source,
            ),
            (
                "analyze.follow_symlinks",
                self.follow_symlinks.value.to_string(),
                &self.follow_symlinks.source,
            ),
            (
                "analyze.threads",
                self.threads.value.to_string(),
                &self.threads.source,
            ),
            (
                "analyze.cache",
                self.cache.value.to_string(),
                &self.cache.source,
            ),
            (
                "analyze.cache_dir",
                self.cache_dir
                    .value
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "$XDG_CACHE_HOME/arch".to_string()),
                &self.cache_dir.source,
            ),
            (
                "output.format",
                lower(format!("{:?}", self.format.value)),
                &self.format.source,
            ),
            (
                "output.color",
                lower(format!("{:?}", self.color.value)),
                &self.color.source,
            ),
            (
                "output.progress",
                self.progress.value.to_string(),
                &self.progress.source,
            ),
            (
                "models.dir",
                self.models_dir
                    .value
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "$XDG_DATA_HOME/arch/models".to_string()),
                &self.models_dir.source,
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write config");
        path
    }

    #[test]
    fn precedence_is_default_user_repo_env_flag() {
        let dir = tempfile::tempdir().expect("tempdir");
        let user = write(
            dir.path(),
            "user.yaml",
            "analyze:\n  max_file_size: 10\n  threads: 3\noutput:\n  format: json\n",
        );
        write(
            dir.path(),
            REPO_CONFIG,
            "analyze:\n  max_file_size: 20\n  exclude: [docs]\n",
        );
        let env = |var: &str| (var == "ARCH_ANALYZE_EXCLUDE").then(|| "a/**, b".to_string());
        let mut flags = Layer::default();
        flags.output.format = Some(Format::Markdown);
        let s = Settings::resolve(Some(&user), Some(dir.path()), env, flags, |k| {
            format!("--{k}")
        })
        .expect("resolves");
        assert_eq!(s.threads.value, 3);
        assert_eq!(s.threads.source, Source::UserConfig(user.clone()));
        assert_eq!(s.max_file_size.value, 20);
        assert_eq!(
            s.max_file_size.source,
            Source::RepoConfig(dir.path().join(REPO_CONFIG))
        );
        assert_eq!(s.exclude.value, vec!["a/**".to_string(), "b".to_string()]);
        assert_eq!(s.exclude.source, Source::Env("ARCH_ANALYZE_EXCLUDE".into()));
        assert_eq!(s.format.value, Format::Markdown);
        assert_eq!(s.format.source, Source::Flag("--output.format".into()));
        assert_eq!(s.progress.source, Source::Default);
    }

    #[test]
    fn unknown_keys_name_the_file_and_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), "bad.yaml", "analyze:\n  max_fil_size: 3\n");
        let err = read_layer(&path).expect_err("typo is rejected").to_string();
        assert!(err.contains("bad.yaml"), "{err}");
        assert!(err.contains("max_fil_size"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn bad_environment_values_are_rejected_by_name() {
        let env = |var: &str| (var == "ARCH_ANALYZE_THREADS").then(|| "many".to_string());
        let err = env_layer(env).expect_err("not a number").to_string();
        assert!(err.contains("ARCH_ANALYZE_THREADS"), "{err}");
    }

    #[test]
    fn no_color_turns_colour_off() {
        let env = |var: &str| (var == "NO_COLOR").then(|| "1".to_string());
        let (layer, _) = env_layer(env).expect("valid");
        assert_eq!(layer.output.color, Some(ColorChoice::Never));
    }
}
