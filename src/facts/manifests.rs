//! Manifests: the files where a project names its direct dependencies.
//!
//! Each ecosystem gets a small reader that turns its manifest into [`Dependency`] rows.
//! Structured formats (TOML, JSON, XML) go through their parsers so a broken file is
//! reported; script-like formats (Gradle, Gemfile, gemspec, requirements) are read line by line
//! because evaluating them is neither possible nor wanted.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use quick_xml::events::{BytesStart, Event};
use regex::Regex;

use super::{
    file_name, has_extension, line_number, parent_dir, Dependency, FileIndex, LineIndex, Manifest,
};

/// The manifest formats understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ManifestKind {
    Cargo,
    Npm,
    GoMod,
    Maven,
    Gradle,
    Pyproject,
    /// setuptools' `setup.py` or `setup.cfg`.
    Setup,
    Requirements,
    Pipfile,
    Gemfile,
    /// A Ruby gem's `*.gemspec`: its dependencies and the executables it installs.
    Gemspec,
    Csproj,
    Composer,
}

impl ManifestKind {
    fn ecosystem(self) -> &'static str {
        match self {
            Self::Cargo => "cargo",
            Self::Npm => "npm",
            Self::GoMod => "go",
            Self::Maven => "maven",
            Self::Gradle => "gradle",
            Self::Pyproject | Self::Setup | Self::Requirements => "python",
            Self::Pipfile => "pipenv",
            Self::Gemfile | Self::Gemspec => "bundler",
            Self::Csproj => "nuget",
            Self::Composer => "composer",
        }
    }
}

/// Recognises a manifest from its path.
pub(super) fn kind_of(path: &str) -> Option<ManifestKind> {
    let name = file_name(path);
    let kind = match name {
        "Cargo.toml" => ManifestKind::Cargo,
        "package.json" => ManifestKind::Npm,
        "go.mod" => ManifestKind::GoMod,
        "pom.xml" => ManifestKind::Maven,
        "build.gradle" | "build.gradle.kts" => ManifestKind::Gradle,
        "pyproject.toml" => ManifestKind::Pyproject,
        "setup.py" | "setup.cfg" => ManifestKind::Setup,
        "Pipfile" => ManifestKind::Pipfile,
        "Gemfile" => ManifestKind::Gemfile,
        "composer.json" => ManifestKind::Composer,
        _ if has_extension(name, &[".csproj", ".fsproj", ".vbproj"]) => ManifestKind::Csproj,
        _ if has_extension(name, &[".gemspec"]) => ManifestKind::Gemspec,
        // MSBuild applies it to every project below it: package metadata written once there
        // (RestSharp's src/Directory.Build.props) packs each of them for NuGet.
        "Directory.Build.props" => ManifestKind::Csproj,
        _ if is_requirements_file(path) => ManifestKind::Requirements,
        _ => return None,
    };
    Some(kind)
}

/// `requirements*.txt` anywhere, or any `.txt` inside a `requirements/` directory.
fn is_requirements_file(path: &str) -> bool {
    let name = file_name(path);
    if !has_extension(name, &[".txt"]) {
        return false;
    }
    name.to_ascii_lowercase().starts_with("requirements")
        || file_name(parent_dir(path)).eq_ignore_ascii_case("requirements")
}

/// Parses one manifest; the error is the parser's message, for a warning.
pub(super) fn parse(kind: ManifestKind, path: &str, text: &str) -> Result<Manifest, String> {
    let mut deps = Deps::default();
    let name = match kind {
        ManifestKind::Cargo => parse_cargo(text, &mut deps)?,
        ManifestKind::Npm => parse_npm(text, &mut deps)?,
        ManifestKind::GoMod => parse_go_mod(text, &mut deps),
        ManifestKind::Maven => parse_pom(text, &mut deps)?,
        ManifestKind::Gradle => {
            parse_gradle(text, &mut deps);
            None
        }
        ManifestKind::Pyproject => parse_pyproject(text, &mut deps)?,
        ManifestKind::Setup => parse_setup(path, text, &mut deps),
        ManifestKind::Requirements => {
            parse_requirements(path, text, &mut deps);
            None
        }
        ManifestKind::Pipfile => {
            parse_pipfile(text, &mut deps)?;
            None
        }
        ManifestKind::Gemfile => {
            parse_gemfile(text, &mut deps);
            None
        }
        ManifestKind::Gemspec => parse_gemspec(text, &mut deps),
        ManifestKind::Csproj => parse_csproj(path, text, &mut deps)?,
        ManifestKind::Composer => parse_composer(text, &mut deps)?,
    };
    Ok(Manifest {
        path: path.to_string(),
        ecosystem: kind.ecosystem().to_string(),
        ships: ships(kind, text),
        workspace: (kind == ManifestKind::Cargo)
            .then(|| cargo_workspace(text))
            .flatten(),
        name,
        dependencies: deps.finish(),
    })
}

/// The members a Cargo manifest's `[workspace]` table declares (empty when it lists none),
/// or `None` without a workspace.
fn cargo_workspace(text: &str) -> Option<Vec<String>> {
    let table = parse_toml(text).ok()?;
    let workspace = toml_table(&table, "workspace")?;
    Some(
        workspace
            .get("members")
            .and_then(toml::Value::as_array)
            .map(|members| {
                members
                    .iter()
                    .filter_map(toml::Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// A gemspec's `executables` are often a glob left from the gem skeleton
/// (`spec.files.grep(%r{\Aexe/})`) in gems that install nothing: the programs must be there,
/// in `exe/` or in `bin/` beside the gemspec (not the skeleton's `bin/console` and
/// `bin/setup` or a Rails app's binstubs). Without them the gem ships a library.
pub(super) fn check_programs(
    kind: ManifestKind,
    path: &str,
    index: &FileIndex,
    manifest: &mut Manifest,
) {
    if kind != ManifestKind::Gemspec || !manifest.ships.iter().any(|s| s == "cli") {
        return;
    }
    let dir = parent_dir(path);
    let folder = |name: &str| {
        if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        }
    };
    let program = |name: &str| {
        !name.contains('/')
            && !matches!(
                name,
                "console" | "setup" | "rails" | "rake" | "bundle" | "dev"
            )
    };
    if !(index.any_below(&folder("exe"), program) || index.any_below(&folder("bin"), program)) {
        manifest.ships = vec!["library".to_string()];
    }
}

/// The package name a manifest leaves to a neighbouring file: Gradle keeps it in
/// `settings.gradle(.kts)` next to the root build file.
pub(super) fn sibling_name(
    kind: ManifestKind,
    path: &str,
    index: &FileIndex,
    root: &Path,
) -> Option<String> {
    static ROOT_PROJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?m)^\s*rootProject\.name\s*=\s*["']([^"']+)["']"#).expect("valid regex")
    });
    if kind != ManifestKind::Gradle {
        return None;
    }
    let dir = parent_dir(path);
    ["settings.gradle.kts", "settings.gradle"]
        .iter()
        .map(|name| {
            if dir.is_empty() {
                (*name).to_string()
            } else {
                format!("{dir}/{name}")
            }
        })
        .filter(|settings| index.contains(settings))
        .find_map(|settings| {
            let text =
                super::read_fact_file(root, &settings, super::MAX_FACT_FILE_BYTES).ok()??;
            let captures = ROOT_PROJECT.captures(&text)?;
            Some(captures[1].to_string())
        })
}

/// Accumulates dependencies, then sorts and deduplicates them.
#[derive(Default)]
struct Deps(Vec<Dependency>);

impl Deps {
    fn push(&mut self, scope: &str, name: &str, version: Option<&str>, line: Option<u32>) {
        self.push_from(scope, name, version, None, line);
    }

    /// As [`Deps::push`], for a package that may come from a folder of the checkout.
    fn push_from(
        &mut self,
        scope: &str,
        name: &str,
        version: Option<&str>,
        path: Option<&str>,
        line: Option<u32>,
    ) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let written = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        // npm writes a local folder as the version: `"my-lib": "file:.."`.
        let path = written(path).or_else(|| {
            version
                .and_then(|v| {
                    v.trim()
                        .strip_prefix("file:")
                        .or(v.trim().strip_prefix("link:"))
                })
                .map(str::to_string)
        });
        self.0.push(Dependency {
            scope: scope.to_string(),
            name: name.to_string(),
            version: written(version),
            line,
            path,
        });
    }

    /// Sorted by (scope, name); a name repeated within a scope (say, in two Cargo
    /// target tables) is kept once, at its first line.
    fn finish(mut self) -> Vec<Dependency> {
        self.0.sort_by(|a, b| {
            (&a.scope, &a.name, a.line.unwrap_or(u32::MAX)).cmp(&(
                &b.scope,
                &b.name,
                b.line.unwrap_or(u32::MAX),
            ))
        });
        self.0
            .dedup_by(|later, first| later.scope == first.scope && later.name == first.name);
        self.0
    }
}

// ---------------------------------------------------------------------------------------
// TOML: Cargo.toml, pyproject.toml, Pipfile

fn parse_toml(text: &str) -> Result<toml::Table, String> {
    toml::from_str(text).map_err(|error| {
        let message = error.message().trim().to_string();
        match error.span() {
            Some(span) => format!(
                "invalid TOML at line {}: {message}",
                LineIndex::new(text).line_of(span.start)
            ),
            None => format!("invalid TOML: {message}"),
        }
    })
}

/// Where each `key = …` line and `[table]` header sits. The `toml` crate forgets
/// positions once parsed, and a line scan is far cheaper than span-tracking parsing.
struct TomlLines {
    keys: Vec<(String, String, u32)>,
    headers: Vec<(String, u32)>,
}

impl TomlLines {
    fn new(text: &str) -> Self {
        let mut keys = Vec::new();
        let mut headers = Vec::new();
        let mut table = String::new();
        for (index, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if let Some(header) = trimmed.strip_prefix('[') {
                let header = header.trim_start_matches('[');
                let header = header.split(']').next().unwrap_or(header);
                table = normalise_toml_path(header);
                headers.push((table.clone(), line_number(index)));
            } else if let Some(key) = toml_line_key(trimmed) {
                keys.push((table.clone(), key, line_number(index)));
            }
        }
        Self { keys, headers }
    }

    /// The line of `key` in `table` (dotted, unquoted), either as `key = …` under
    /// `[table]` or as its own `[table.key]` header.
    fn key_line(&self, table: &str, key: &str) -> Option<u32> {
        self.keys
            .iter()
            .find(|(t, k, _)| t == table && k == key)
            .map(|(_, _, line)| *line)
            .or_else(|| {
                let header = format!("{table}.{}", normalise_toml_path(key));
                self.headers
                    .iter()
                    .find(|(h, _)| *h == header)
                    .map(|(_, line)| *line)
            })
    }
}

/// Table paths compared without quotes or spaces: `target.'cfg(unix)'.dependencies`
/// and the parsed keys `target`, `cfg(unix)`, `dependencies` meet in the middle.
fn normalise_toml_path(path: &str) -> String {
    path.chars()
        .filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'')
        .collect()
}

/// The first key of a `key = value` line (`a.b = 1` gives `a`); None for array items
/// and other lines, so `"flask==2.0",` is not taken for a key.
fn toml_line_key(line: &str) -> Option<String> {
    let (key, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let end = quoted.find('"')?;
        (quoted[..end].to_string(), &quoted[end + 1..])
    } else if let Some(quoted) = line.strip_prefix('\'') {
        let end = quoted.find('\'')?;
        (quoted[..end].to_string(), &quoted[end + 1..])
    } else {
        let end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(line.len());
        (line[..end].to_string(), &line[end..])
    };
    let rest = rest.trim_start();
    let is_assignment = rest.starts_with('.') || (rest.starts_with('=') && !rest.starts_with("=="));
    (!key.is_empty() && is_assignment).then_some(key)
}

/// The 1-based line of the first line at or after `from` containing `needle`.
fn line_containing(text: &str, from: u32, needle: &str) -> Option<u32> {
    let skip = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    text.lines()
        .enumerate()
        .skip(skip)
        .find(|(_, line)| line.contains(needle))
        .map(|(index, _)| line_number(index))
}

fn toml_str<'a>(table: &'a toml::Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(toml::Value::as_str)
}

fn toml_table<'a>(table: &'a toml::Table, key: &str) -> Option<&'a toml::Table> {
    table.get(key).and_then(toml::Value::as_table)
}

fn parse_cargo(text: &str, deps: &mut Deps) -> Result<Option<String>, String> {
    const SECTIONS: [(&str, &str); 5] = [
        ("dependencies", "runtime"),
        ("dev-dependencies", "dev"),
        ("dev_dependencies", "dev"),
        ("build-dependencies", "build"),
        ("build_dependencies", "build"),
    ];
    let table = parse_toml(text)?;
    let lines = TomlLines::new(text);
    for (section, scope) in SECTIONS {
        if let Some(entries) = toml_table(&table, section) {
            cargo_deps(entries, section, scope, &lines, deps);
        }
    }
    if let Some(targets) = toml_table(&table, "target") {
        for (target, value) in targets {
            let Some(target_table) = value.as_table() else {
                continue;
            };
            for (section, scope) in SECTIONS {
                if let Some(entries) = toml_table(target_table, section) {
                    let path = format!("target.{}.{section}", normalise_toml_path(target));
                    cargo_deps(entries, &path, scope, &lines, deps);
                }
            }
        }
    }
    // Shared versions a workspace offers its members: what the workspace builds on.
    if let Some(entries) =
        toml_table(&table, "workspace").and_then(|w| toml_table(w, "dependencies"))
    {
        cargo_deps(entries, "workspace.dependencies", "runtime", &lines, deps);
    }
    Ok(toml_table(&table, "package")
        .and_then(|p| toml_str(p, "name"))
        .map(str::to_string))
}

fn cargo_deps(
    entries: &toml::Table,
    table_path: &str,
    scope: &str,
    lines: &TomlLines,
    deps: &mut Deps,
) {
    for (key, value) in entries {
        let (name, version, optional) = match value {
            toml::Value::String(version) => (key.as_str(), Some(version.as_str()), false),
            toml::Value::Table(spec) => (
                // A renamed dependency (`foo = { package = "bar" }`) is really `bar`.
                toml_str(spec, "package").unwrap_or(key),
                toml_str(spec, "version"),
                spec.get("optional").and_then(toml::Value::as_bool) == Some(true),
            ),
            _ => (key.as_str(), None, false),
        };
        let path = value.as_table().and_then(|spec| toml_str(spec, "path"));
        let scope = if optional && scope == "runtime" {
            "optional"
        } else {
            scope
        };
        deps.push_from(scope, name, version, path, lines.key_line(table_path, key));
    }
}

fn parse_pyproject(text: &str, deps: &mut Deps) -> Result<Option<String>, String> {
    let table = parse_toml(text)?;
    let lines = TomlLines::new(text);
    let project = toml_table(&table, "project");
    if let Some(project) = project {
        pep508_array(
            project.get("dependencies"),
            text,
            lines.key_line("project", "dependencies"),
            "runtime",
            deps,
        );
        for (group, items) in project
            .get("optional-dependencies")
            .and_then(toml::Value::as_table)
            .into_iter()
            .flatten()
        {
            let line = lines.key_line("project.optional-dependencies", group);
            pep508_array(
                Some(items),
                text,
                line,
                group_scope(group, "optional"),
                deps,
            );
        }
    }
    // PEP 735 groups: development-time by definition.
    for (group, items) in toml_table(&table, "dependency-groups")
        .into_iter()
        .flatten()
    {
        let line = lines.key_line("dependency-groups", group);
        pep508_array(Some(items), text, line, group_scope(group, "dev"), deps);
    }
    let tool = toml_table(&table, "tool");
    if let Some(uv) = tool.and_then(|t| toml_table(t, "uv")) {
        pep508_array(
            uv.get("dev-dependencies"),
            text,
            lines.key_line("tool.uv", "dev-dependencies"),
            "dev",
            deps,
        );
    }
    if let Some(build) = toml_table(&table, "build-system") {
        pep508_array(
            build.get("requires"),
            text,
            lines.key_line("build-system", "requires"),
            "build",
            deps,
        );
    }
    let poetry = tool.and_then(|t| toml_table(t, "poetry"));
    if let Some(poetry) = poetry {
        for (section, scope) in [("dependencies", "runtime"), ("dev-dependencies", "dev")] {
            if let Some(entries) = toml_table(poetry, section) {
                poetry_deps(
                    entries,
                    &format!("tool.poetry.{section}"),
                    scope,
                    &lines,
                    deps,
                );
            }
        }
        for (group, spec) in toml_table(poetry, "group").into_iter().flatten() {
            let Some(entries) = spec.as_table().and_then(|g| toml_table(g, "dependencies")) else {
                continue;
            };
            let scope = if group == "main" {
                "runtime"
            } else {
                group_scope(group, "dev")
            };
            let path = format!(
                "tool.poetry.group.{}.dependencies",
                normalise_toml_path(group)
            );
            poetry_deps(entries, &path, scope, &lines, deps);
        }
    }
    let name = project
        .and_then(|p| toml_str(p, "name"))
        .or_else(|| poetry.and_then(|p| toml_str(p, "name")));
    Ok(name.map(str::to_string))
}

/// Scope of a named dependency group: its name says whether it is for tests or development.
fn group_scope<'a>(group: &str, default: &'a str) -> &'a str {
    let group = group.to_ascii_lowercase();
    if group.contains("test") {
        "test"
    } else if group.contains("dev") || group.contains("lint") {
        "dev"
    } else {
        default
    }
}

/// Reads an array of PEP 508 strings; `key_line` is where the array starts, used to
/// find each item's line.
/// setuptools' own manifests, read without running them: in `setup.py` the literal
/// `name="…"` and the strings of `install_requires=[…]` / `tests_require=[…]`; in `setup.cfg`
/// `[metadata] name` and the lines of `[options] install_requires` and `tests_require`.
/// Values built in code (`install_requires=read("requirements.txt")`) are not followed.
fn parse_setup(path: &str, text: &str, deps: &mut Deps) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bname\s*=\s*["']([A-Za-z0-9_.\-]+)["']"#).expect("valid regex")
    });
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)\b(install_requires|tests_require)\s*=\s*\[(.*?)\]").expect("valid regex")
    });
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"["']([^"'\n]+)["']"#).expect("valid regex"));
    let mut add = |key: &str, spec: &str, from: u32| {
        let scope = if key == "tests_require" {
            "test"
        } else {
            "runtime"
        };
        if let Some((name, version)) = pep508(spec) {
            deps.push(scope, name, version, line_containing(text, from, spec));
        }
    };
    if file_name(path) == "setup.py" {
        for list in LIST.captures_iter(text) {
            let key = list.get(1).map_or("", |m| m.as_str());
            let at = list.get(0).map_or(0, |m| m.start());
            let from = line_number(text[..at].lines().count().saturating_sub(1));
            for spec in QUOTED.captures_iter(list.get(2).map_or("", |m| m.as_str())) {
                add(key, &spec[1], from);
            }
        }
        return NAME.captures(text).map(|c| c[1].to_string());
    }
    // setup.cfg: INI sections with indented continuation lines.
    let (mut section, mut key, mut name) = (String::new(), String::new(), None);
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
            continue;
        }
        if let Some(header) = trimmed.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            section = header.trim().to_string();
            key.clear();
            continue;
        }
        let continuation = line.starts_with([' ', '\t']);
        let value = if continuation {
            trimmed
        } else {
            let Some((k, v)) = trimmed.split_once('=') else {
                continue;
            };
            key = k.trim().to_string();
            if section == "metadata" && key == "name" {
                name = Some(v.trim().to_string());
            }
            v.trim()
        };
        if section == "options"
            && matches!(key.as_str(), "install_requires" | "tests_require")
            && !value.is_empty()
        {
            let from = line_number(index);
            let key = key.clone();
            add(&key, value, from);
        }
    }
    name
}

fn pep508_array(
    items: Option<&toml::Value>,
    text: &str,
    key_line: Option<u32>,
    scope: &str,
    deps: &mut Deps,
) {
    for item in items.and_then(toml::Value::as_array).into_iter().flatten() {
        let Some(spec) = item.as_str() else {
            continue;
        };
        if let Some((name, version)) = pep508(spec) {
            let line = key_line.and_then(|from| line_containing(text, from, spec));
            deps.push(scope, name, version, line);
        }
    }
}

fn poetry_deps(
    entries: &toml::Table,
    table_path: &str,
    scope: &str,
    lines: &TomlLines,
    deps: &mut Deps,
) {
    for (name, spec) in entries {
        // The interpreter constraint is not a package.
        if name.eq_ignore_ascii_case("python") {
            continue;
        }
        let (version, optional) = match spec {
            toml::Value::String(version) => (Some(version.as_str()), false),
            toml::Value::Table(spec) => (
                toml_str(spec, "version"),
                spec.get("optional").and_then(toml::Value::as_bool) == Some(true),
            ),
            _ => (None, false),
        };
        let path = spec.as_table().and_then(|spec| toml_str(spec, "path"));
        let scope = if optional && scope == "runtime" {
            "optional"
        } else {
            scope
        };
        deps.push_from(scope, name, version, path, lines.key_line(table_path, name));
    }
}

/// Splits a PEP 508 requirement into its name and version specifier, dropping extras
/// (`[security]`), environment markers (`; python_version < "3.8"`) and URLs.
fn pep508(spec: &str) -> Option<(&str, Option<&str>)> {
    let spec = spec.split(';').next().unwrap_or(spec).trim();
    let end = spec
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        .unwrap_or(spec.len());
    let name = &spec[..end];
    if name.is_empty() {
        return None;
    }
    let mut rest = spec[end..].trim_start();
    if rest.starts_with('[') {
        rest = rest
            .split_once(']')
            .map_or("", |(_, after)| after)
            .trim_start();
    }
    if rest.starts_with('@') {
        return Some((name, None));
    }
    let version = rest.trim_start_matches('(').trim_end_matches(')').trim();
    Some((name, (!version.is_empty()).then_some(version)))
}

fn parse_pipfile(text: &str, deps: &mut Deps) -> Result<(), String> {
    let table = parse_toml(text)?;
    let lines = TomlLines::new(text);
    for (section, scope) in [("packages", "runtime"), ("dev-packages", "dev")] {
        for (name, spec) in toml_table(&table, section).into_iter().flatten() {
            let version = match spec {
                toml::Value::String(version) => Some(version.as_str()),
                toml::Value::Table(spec) => toml_str(spec, "version"),
                _ => None,
            };
            deps.push(scope, name, version, lines.key_line(section, name));
        }
    }
    Ok(())
}

/// What a manifest declares it ships (see [`Manifest::ships`]); empty where the format has
/// no such declaration or cannot be read (its parser reports that).
fn ships(kind: ManifestKind, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        // crates.io's category is the author's own word for what the crate is.
        ManifestKind::Cargo => {
            let Ok(table) = parse_toml(text) else {
                return out;
            };
            let cli = table
                .get("package")
                .and_then(|p| p.get("categories"))
                .and_then(|c| c.as_array())
                .is_some_and(|c| {
                    c.iter()
                        .any(|v| v.as_str() == Some("command-line-utilities"))
                });
            if cli {
                out.push("cli".to_string());
            }
        }
        ManifestKind::Npm => {
            let Ok(root) = serde_json::from_str::<serde_json::Value>(text) else {
                return out;
            };
            let has = |key: &str| root.get(key).is_some_and(|v| !v.is_null());
            if ["main", "exports", "module", "types", "typings"]
                .iter()
                .any(|k| has(k))
            {
                out.push("library".to_string());
            }
            if has("bin") {
                out.push("cli".to_string());
            }
            if root.get("private").and_then(serde_json::Value::as_bool) == Some(true) {
                out.push("private".to_string());
            }
        }
        // A Maven jar whose entry class is named as a program's (`Main`, `Cli`, `FooMain`)
        // ships one (google-java-format). Other entry classes are the example or tool jars
        // libraries also build (jsoup's HtmlToPlainText, gson's R8 step).
        ManifestKind::Maven => {
            let program = text.split("<mainClass>").skip(1).any(|rest| {
                let class = rest.split('<').next().unwrap_or_default().trim();
                let simple = class.rsplit(['.', '$']).next().unwrap_or(class);
                ["Main", "Cli", "CLI", "CommandLine"]
                    .iter()
                    .any(|n| simple.ends_with(n))
            });
            if program {
                out.push("cli".to_string());
            }
        }
        // A Gradle build with the application plugin (and the class it runs) ships a program.
        ManifestKind::Gradle => {
            let compact: String = text.split_whitespace().collect();
            let lower = compact.to_ascii_lowercase();
            if [
                "mainclass.set(",
                "mainclass=",
                "mainclassname",
                "id(\"application\")",
                "id'application'",
                "applyplugin:'application'",
            ]
            .iter()
            .any(|m| lower.contains(m))
            {
                out.push("cli".to_string());
            }
        }
        ManifestKind::Csproj => {
            // A project packed for NuGet (package metadata, no web or worker SDK, not an
            // executable) is a library; `PackAsTool` makes it a dotnet tool.
            let compact: String = text.split_whitespace().collect();
            let lower = compact.to_ascii_lowercase();
            let packed = [
                "<packageid>",
                "<packagetags>",
                "<packagelicenseexpression>",
                "<packagelicensefile>",
                "<packagereadmefile>",
                "<generatepackageonbuild>true",
                "<ispackable>true",
            ]
            .iter()
            .any(|m| lower.contains(m));
            // Only class libraries target .NET Standard: no executable can.
            let standard = ["<targetframework>", "<targetframeworks>"]
                .iter()
                .any(|tag| {
                    lower
                        .split(tag)
                        .skip(1)
                        .any(|rest| rest.split('<').next().unwrap_or("").contains("netstandard"))
                });
            let application = lower.contains("sdk=\"microsoft.net.sdk.web\"")
                || lower.contains("sdk=\"microsoft.net.sdk.worker\"")
                || lower.contains("<outputtype>exe</outputtype>")
                || lower.contains("<outputtype>winexe</outputtype>");
            // A console program never packed (`IsPackable` false) is a utility kept beside
            // what the repository publishes, not published itself.
            let console = lower.contains("<outputtype>exe</outputtype>")
                && !lower.contains("sdk=\"microsoft.net.sdk.web\"")
                && !lower.contains("sdk=\"microsoft.net.sdk.worker\"");
            if lower.contains("<packastool>true") {
                out.push("cli".to_string());
            } else if console && lower.contains("<ispackable>false") {
                out.push("private".to_string());
            } else if (packed || standard) && !application {
                out.push("library".to_string());
            }
        }
        ManifestKind::Composer => {
            let Ok(root) = serde_json::from_str::<serde_json::Value>(text) else {
                return out;
            };
            // Only an explicit type: Composer defaults to "library", and applications
            // (Laravel, Symfony skeletons) say "project".
            match root.get("type").and_then(serde_json::Value::as_str) {
                Some("library") => out.push("library".to_string()),
                Some("project") => out.push("application".to_string()),
                _ => {}
            }
            if root.get("bin").is_some_and(|v| !v.is_null()) {
                out.push("cli".to_string());
            }
        }
        // A gem whose `executables` are set (not to an empty list) installs programs, and is
        // first what people run (jekyll, kamal, tmuxinator); any other gem is a library others
        // require.
        ManifestKind::Gemspec => {
            let installs = text.lines().any(|line| {
                let compact: String = line.split_whitespace().collect();
                compact.contains(".executables=") && !compact.contains(".executables=[]")
                    || compact.contains(".executables<<")
            });
            out.push(if installs { "cli" } else { "library" }.to_string());
        }
        // setuptools: `console_scripts` entry points or `scripts=[...]` install programs.
        ManifestKind::Setup => {
            let compact: String = text.split_whitespace().collect();
            if compact.contains("console_scripts") || compact.contains("scripts=") {
                out.push("cli".to_string());
            }
        }
        ManifestKind::Pyproject => {
            let Ok(root) = text.parse::<toml::Table>() else {
                return out;
            };
            let non_empty = |v: Option<&toml::Value>| {
                v.and_then(toml::Value::as_table)
                    .is_some_and(|t| !t.is_empty())
            };
            let project = root.get("project");
            let poetry = root.get("tool").and_then(|t| t.get("poetry"));
            if non_empty(project.and_then(|p| p.get("scripts")))
                || non_empty(poetry.and_then(|p| p.get("scripts")))
            {
                out.push("cli".to_string());
            }
        }
        _ => {}
    }
    out
}

// ---------------------------------------------------------------------------------------
// JSON: package.json, composer.json

fn parse_json(text: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(text).map_err(|error| format!("invalid JSON: {error}"))
}

/// The line of `"key":` inside the object under top-level `"section":`, found by text
/// search because serde_json keeps no positions.
fn json_key_line(text: &str, lines: &LineIndex, section: &str, key: &str) -> Option<u32> {
    let section_at = find_json_key(text, 0, section)?;
    find_json_key(text, section_at, key).map(|at| lines.line_of(at))
}

fn find_json_key(text: &str, from: usize, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(&quoted) {
        let start = at + found;
        let after = text[start + quoted.len()..].trim_start();
        if after.starts_with(':') {
            return Some(start);
        }
        at = start + quoted.len();
    }
    None
}

/// Reads `{"name": "version", …}` objects named by `sections` with their scopes.
fn json_sections(
    root: &serde_json::Value,
    text: &str,
    sections: &[(&str, &str)],
    skip: fn(&str) -> bool,
    deps: &mut Deps,
) {
    let lines = LineIndex::new(text);
    for (section, scope) in sections {
        let Some(entries) = root.get(section).and_then(serde_json::Value::as_object) else {
            continue;
        };
        for (name, version) in entries {
            if skip(name) {
                continue;
            }
            let line = json_key_line(text, &lines, section, name);
            deps.push(scope, name, version.as_str(), line);
        }
    }
}

fn parse_npm(text: &str, deps: &mut Deps) -> Result<Option<String>, String> {
    let root = parse_json(text)?;
    let sections = [
        ("dependencies", "runtime"),
        ("devDependencies", "dev"),
        ("peerDependencies", "peer"),
        ("optionalDependencies", "optional"),
    ];
    json_sections(&root, text, &sections, |_| false, deps);
    Ok(root
        .get("name")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string))
}

fn parse_composer(text: &str, deps: &mut Deps) -> Result<Option<String>, String> {
    /// PHP itself, its extensions and Composer's own APIs are platform packages, not choices.
    fn is_platform(name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        name == "php"
            || name.starts_with("php-")
            || name.starts_with("ext-")
            || name.starts_with("lib-")
            || name.starts_with("composer-")
    }
    let root = parse_json(text)?;
    json_sections(
        &root,
        text,
        &[("require", "runtime"), ("require-dev", "dev")],
        is_platform,
        deps,
    );
    Ok(root
        .get("name")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string))
}

// ---------------------------------------------------------------------------------------
// Line-oriented formats: go.mod, requirements, Gradle, Gemfile

fn parse_go_mod(text: &str, deps: &mut Deps) -> Option<String> {
    let mut module = None;
    let mut in_require = false;
    for (index, raw) in text.lines().enumerate() {
        let (code, comment) = raw.split_once("//").unwrap_or((raw, ""));
        let code = code.trim();
        if in_require {
            if code.starts_with(')') {
                in_require = false;
                continue;
            }
            go_require(code, comment, index, deps);
        } else if let Some(rest) = code.strip_prefix("module") {
            if rest.starts_with(char::is_whitespace) {
                module = Some(rest.trim().trim_matches('"').to_string());
            }
        } else if let Some(rest) = code.strip_prefix("require") {
            let rest = rest.trim();
            if rest.starts_with('(') {
                in_require = true;
            } else {
                go_require(rest, comment, index, deps);
            }
        }
    }
    module
}

/// One `path version` require line; `// indirect` ones are only there for the build
/// list, so they are not the project's own choices.
fn go_require(code: &str, comment: &str, index: usize, deps: &mut Deps) {
    if comment.trim().starts_with("indirect") {
        return;
    }
    let mut fields = code.split_whitespace();
    if let Some(path) = fields.next() {
        deps.push(
            "runtime",
            path.trim_matches('"'),
            fields.next(),
            Some(line_number(index)),
        );
    }
}

fn parse_requirements(path: &str, text: &str, deps: &mut Deps) {
    let name = file_name(path).to_ascii_lowercase();
    let scope = if name.contains("test") {
        "test"
    } else if name.contains("dev") {
        "dev"
    } else {
        "runtime"
    };
    for (index, raw) in text.lines().enumerate() {
        // A '#' starts a comment only at the start or after whitespace (URLs use `#egg=`).
        let code = match raw.find(" #").or_else(|| raw.find("\t#")) {
            Some(at) => &raw[..at],
            None => raw,
        };
        let code = code.trim().trim_end_matches('\\').trim();
        // Options (-r, -e, --hash, --index-url) and bare URLs or paths name no package.
        let starts_with_name = code.starts_with(|c: char| c.is_ascii_alphanumeric());
        if !starts_with_name || (code.contains("://") && !code.contains(" @ ")) {
            continue;
        }
        if let Some((dep, version)) = pep508(code) {
            deps.push(scope, dep, version, Some(line_number(index)));
        }
    }
}

/// Gradle configurations and the scope each one means.
fn gradle_scope(configuration: &str) -> &'static str {
    match configuration {
        "compileOnly" | "kapt" | "ksp" | "annotationProcessor" | "classpath" => "build",
        "developmentOnly" => "dev",
        c if c.starts_with("test") || c.starts_with("androidTest") => "test",
        _ => "runtime",
    }
}

const GRADLE_CONFIGURATIONS: &str = "implementation|api|compile|runtime|compileOnly|runtimeOnly|\
    testImplementation|testCompileOnly|testRuntimeOnly|testCompile|androidTestImplementation|\
    kapt|ksp|annotationProcessor|developmentOnly|classpath";

/// How [`parse_gradle`] writes a version-catalog alias until [`resolve_catalog`] replaces it.
const CATALOG_PREFIX: &str = "libs.";

/// A reference to the version catalog in a dependency call: `libs.javalin.core`,
/// `libs.bundles.exposed`.
static CATALOG_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])libs\.([A-Za-z][\w.]*[A-Za-z0-9])").expect("valid regex")
});

/// Replaces the version-catalog aliases of a Gradle build (`implementation(libs.javalin.core)`)
/// with the coordinates `gradle/libs.versions.toml` gives them, in the build's folder or the
/// nearest one above it; an alias the catalog lacks is dropped (never a made-up name).
pub(super) fn resolve_catalog(
    kind: ManifestKind,
    path: &str,
    index: &FileIndex,
    root: &Path,
    manifest: &mut Manifest,
) {
    if kind != ManifestKind::Gradle
        || !manifest
            .dependencies
            .iter()
            .any(|d| d.name.starts_with(CATALOG_PREFIX))
    {
        return;
    }
    let mut dir = parent_dir(path);
    let catalog = loop {
        let candidate = if dir.is_empty() {
            "gradle/libs.versions.toml".to_string()
        } else {
            format!("{dir}/gradle/libs.versions.toml")
        };
        if index.contains(&candidate) {
            break super::read_fact_file(root, &candidate, super::MAX_FACT_FILE_BYTES)
                .ok()
                .flatten()
                .and_then(|text| text.parse::<toml::Table>().ok());
        }
        if dir.is_empty() {
            break None;
        }
        dir = parent_dir(dir);
    };
    let catalog = catalog.unwrap_or_default();
    // Aliases are matched the way Gradle generates accessors: `-`, `_` and `.` all separate.
    let normal = |alias: &str| alias.replace(['-', '_'], ".");
    let libraries: BTreeMap<String, String> = catalog
        .get("libraries")
        .and_then(|v| v.as_table())
        .into_iter()
        .flatten()
        .filter_map(|(alias, spec)| {
            let coordinate = match spec {
                toml::Value::String(s) => {
                    let mut parts = s.split(':');
                    format!("{}:{}", parts.next()?, parts.next()?)
                }
                toml::Value::Table(t) => match (t.get("module"), t.get("group"), t.get("name")) {
                    (Some(module), _, _) => module.as_str()?.to_string(),
                    (None, Some(group), Some(name)) => {
                        format!("{}:{}", group.as_str()?, name.as_str()?)
                    }
                    _ => return None,
                },
                _ => return None,
            };
            Some((normal(alias), coordinate))
        })
        .collect();
    let bundles: BTreeMap<String, Vec<String>> = catalog
        .get("bundles")
        .and_then(|v| v.as_table())
        .into_iter()
        .flatten()
        .map(|(alias, members)| {
            let members = members
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| m.as_str().map(normal))
                .collect();
            (normal(alias), members)
        })
        .collect();
    let mut deps = Deps::default();
    for dep in std::mem::take(&mut manifest.dependencies) {
        let Some(alias) = dep.name.strip_prefix(CATALOG_PREFIX) else {
            deps.0.push(dep);
            continue;
        };
        let aliases = match alias.strip_prefix("bundles.") {
            Some(bundle) => bundles.get(&normal(bundle)).cloned().unwrap_or_default(),
            None => vec![normal(alias)],
        };
        for coordinate in aliases.iter().filter_map(|a| libraries.get(a)) {
            deps.push(&dep.scope, coordinate, None, dep.line);
        }
    }
    manifest.dependencies = deps.finish();
}

fn parse_gradle(text: &str, deps: &mut Deps) {
    static CONFIGURATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^\s*({GRADLE_CONFIGURATIONS})\b")).expect("valid regex")
    });
    static COORDINATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["']([^"':\s]+):([^"':\s]+)(?::([^"'\s]+))?["']"#).expect("valid regex")
    });
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?"#)
            .expect("valid regex")
    });
    static KOTLIN_MODULE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bkotlin\s*\(\s*"([^"]+)"(?:\s*,\s*"([^"]+)")?"#).expect("valid regex")
    });
    static PLUGIN_ID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^\s*id\s*\(?\s*["']([^"']+)["']\s*\)?(?:\s+version\s*\(?\s*["']([^"']+)["'])?"#,
        )
        .expect("valid regex")
    });
    static KOTLIN_PLUGIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^\s*kotlin\s*\(\s*["']([^"']+)["']\s*\)(?:\s+version\s*\(?\s*["']([^"']+)["'])?"#,
        )
        .expect("valid regex")
    });
    static APPLY_PLUGIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^\s*apply\s+plugin\s*:\s*["']([^"']+)["']"#).expect("valid regex")
    });

    // Depth of braces inside `plugins { … }`, or None outside it.
    let mut plugins_depth: Option<i32> = None;
    // Scope of a Groovy list that goes on after a trailing comma:
    // `implementation "a:b:1",` then `"c:d:2"` on the next line.
    let mut continued: Option<&'static str> = None;
    for (index, line) in text.lines().enumerate() {
        let line_no = Some(line_number(index));
        let opens = i32::try_from(line.matches('{').count()).unwrap_or(i32::MAX);
        let closes = i32::try_from(line.matches('}').count()).unwrap_or(i32::MAX);
        if let Some(depth) = plugins_depth {
            let plugin = PLUGIN_ID
                .captures(line)
                .map(|c| (c[1].to_string(), c.get(2)))
                .or_else(|| {
                    // kotlin("jvm") is shorthand for the plugin id org.jetbrains.kotlin.jvm.
                    KOTLIN_PLUGIN
                        .captures(line)
                        .map(|c| (format!("org.jetbrains.kotlin.{}", &c[1]), c.get(2)))
                });
            if let Some((id, version)) = plugin.filter(|(id, _)| is_community_plugin(id)) {
                deps.push("build", &id, version.map(|v| v.as_str()), line_no);
            }
            let depth = depth + opens - closes;
            plugins_depth = (depth > 0).then_some(depth);
            continue;
        }
        if line.trim_start().starts_with("plugins") && opens > closes {
            plugins_depth = Some(opens - closes);
            continue;
        }
        if let Some(c) = APPLY_PLUGIN.captures(line) {
            if is_community_plugin(&c[1]) {
                deps.push("build", &c[1], None, line_no);
            }
            continue;
        }
        let configuration = CONFIGURATION.captures(line).and_then(|c| {
            let rest = &line[c.get(0).map_or(0, |m| m.end())..];
            // A call (`implementation(…)`, `implementation "…"`, `api platform(…)`), not a
            // property such as `implementation.extendsFrom` or an assignment.
            let is_call = !rest.trim_start().starts_with(['.', '=']);
            is_call.then(|| (gradle_scope(&c[1]), rest))
        });
        let Some((scope, rest)) = configuration.or_else(|| continued.map(|scope| (scope, line)))
        else {
            continue;
        };
        if let Some(c) = NAMED.captures(rest) {
            let name = format!("{}:{}", &c[1], &c[2]);
            deps.push(scope, &name, c.get(3).map(|v| v.as_str()), line_no);
        } else if let Some(c) = CATALOG_REFERENCE.captures(rest) {
            // `implementation(libs.bundles.javalin)`: an alias of the version catalog,
            // resolved by [`resolve_catalog`].
            deps.push(scope, &format!("{CATALOG_PREFIX}{}", &c[1]), None, line_no);
        } else if let Some(c) = KOTLIN_MODULE.captures(rest) {
            let name = format!("org.jetbrains.kotlin:kotlin-{}", &c[1]);
            deps.push(scope, &name, c.get(2).map(|v| v.as_str()), line_no);
        } else {
            for c in COORDINATE.captures_iter(rest) {
                let name = format!("{}:{}", &c[1], &c[2]);
                deps.push(scope, &name, c.get(3).map(|v| v.as_str()), line_no);
            }
        }
        continued = rest.trim_end().ends_with(',').then_some(scope);
    }
}

/// Core Gradle plugins (`java`, `application`, `idea`) have no dots and are not
/// dependencies; community plugin ids are always qualified.
fn is_community_plugin(id: &str) -> bool {
    id.contains('.')
}

fn parse_gemfile(text: &str, deps: &mut Deps) {
    static GEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^\s*gem\s*\(?\s*['"]([^'"]+)['"]((?:\s*,\s*['"][^'"]*['"])*)"#)
            .expect("valid regex")
    });
    static INLINE_GROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?:group|groups)\s*(?::|=>)\s*(\[[^\]]*\]|:\w+|['"]\w+['"])"#)
            .expect("valid regex")
    });
    static GROUP_BLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*group\b(.*)\bdo\s*$").expect("valid regex"));
    static OTHER_BLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bdo\s*(\|[^|]*\|)?\s*$").expect("valid regex"));
    static END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*end\b").expect("valid regex"));
    static LOCAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bpath\s*(?::|=>)\s*['"]([^'"]+)['"]"#).expect("valid regex")
    });

    // One entry per open `do` block: the groups it names (empty for platforms, git, …).
    let mut blocks: Vec<Vec<String>> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split_once('#').map_or(raw, |(code, _)| code);
        if let Some(c) = GROUP_BLOCK.captures(line) {
            blocks.push(group_names(&c[1]));
        } else if END.is_match(line) {
            blocks.pop();
        } else if let Some(c) = GEM.captures(line) {
            let version = gem_versions(&c[2]);
            let mut groups = INLINE_GROUP
                .captures(line)
                .map(|g| group_names(&g[1]))
                .unwrap_or_default();
            if groups.is_empty() {
                groups = blocks
                    .iter()
                    .rev()
                    .find(|b| !b.is_empty())
                    .cloned()
                    .unwrap_or_default();
            }
            let path = LOCAL.captures(line).and_then(|p| p.get(1));
            deps.push_from(
                gem_scope(&groups),
                &c[1],
                version.as_deref(),
                path.map(|p| p.as_str()),
                Some(line_number(index)),
            );
        } else if OTHER_BLOCK.is_match(line) {
            blocks.push(Vec::new());
        }
    }
}

/// `:development, :test` or `[:test]` or `"test"` → the group names.
fn group_names(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// Test-only gems are test scope, development (or mixed development/test) gems are dev.
/// A gemspec's name and dependencies (`spec.add_dependency "thor", "~> 1.0"`,
/// `s.add_development_dependency("rake")`), read line by line like a Gemfile.
fn parse_gemspec(text: &str, deps: &mut Deps) -> Option<String> {
    static DEPENDENCY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^\s*\w+\.add_(runtime_|development_)?dependency\s*\(?\s*['"]([^'"]+)['"]((?:\s*,\s*['"][^'"]*['"])*)"#,
        )
        .expect("valid regex")
    });
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^\s*\w+\.name\s*=\s*['"]([^'"]+)['"]"#).expect("valid regex")
    });
    let mut name = None;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split_once('#').map_or(raw, |(code, _)| code);
        if let Some(c) = DEPENDENCY.captures(line) {
            let version = gem_versions(&c[3]);
            let scope = if c.get(1).is_some_and(|m| m.as_str() == "development_") {
                "dev"
            } else {
                "runtime"
            };
            deps.push(scope, &c[2], version.as_deref(), Some(index as u32 + 1));
        } else if let Some(c) = NAME.captures(line) {
            name.get_or_insert_with(|| c[1].to_string());
        }
    }
    name
}

/// The version requirements after a gem's name (`, "~> 7.1", ">= 7.1.2"`), joined.
fn gem_versions(list: &str) -> Option<String> {
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"['"]([^'"]*)['"]"#).expect("valid regex"));
    let versions: Vec<&str> = QUOTED
        .captures_iter(list)
        .filter_map(|v| v.get(1).map(|m| m.as_str()))
        .collect();
    (!versions.is_empty()).then(|| versions.join(", "))
}

fn gem_scope(groups: &[String]) -> &'static str {
    if groups.is_empty() {
        "runtime"
    } else if groups.iter().all(|g| g == "test") {
        "test"
    } else if groups.iter().any(|g| g == "development" || g == "test") {
        "dev"
    } else {
        "runtime"
    }
}

// ---------------------------------------------------------------------------------------
// XML: pom.xml, *.csproj

fn xml_error(text: &str, position: u64, error: &dyn std::fmt::Display) -> String {
    let offset = usize::try_from(position).unwrap_or(usize::MAX);
    format!(
        "invalid XML at line {}: {error}",
        LineIndex::new(text).line_of(offset)
    )
}

fn xml_reader(text: &str) -> quick_xml::Reader<&[u8]> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    reader
}

/// Reads an attribute by local name, unescaped.
fn xml_attribute(element: &BytesStart, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == name)
        .and_then(|attribute| {
            attribute
                .unescape_value()
                .ok()
                .map(|value| value.into_owned())
        })
}

#[derive(Default)]
struct PomDependency {
    group: String,
    artifact: String,
    version: Option<String>,
    scope: Option<String>,
    optional: bool,
    line: u32,
}

impl PomDependency {
    fn coordinate(&self) -> String {
        if self.group.is_empty() {
            self.artifact.clone()
        } else {
            format!("{}:{}", self.group, self.artifact)
        }
    }

    /// Maven scope → ours: `provided` and `system` come from the build, not the artifact.
    fn our_scope(&self) -> &'static str {
        match self.scope.as_deref() {
            Some("test") => "test",
            Some("provided" | "system") => "build",
            _ if self.optional => "optional",
            _ => "runtime",
        }
    }
}

fn parse_pom(text: &str, deps: &mut Deps) -> Result<Option<String>, String> {
    const DEPENDENCY: [&[u8]; 3] = [b"project", b"dependencies", b"dependency"];
    const PARENT: [&[u8]; 2] = [b"project", b"parent"];
    const ARTIFACT_ID: [&[u8]; 2] = [b"project", b"artifactId"];

    let lines = LineIndex::new(text);
    let mut reader = xml_reader(text);
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<PomDependency> = None;
    let mut name = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| xml_error(text, reader.error_position(), &error))?;
        match event {
            Event::Start(element) => {
                stack.push(element.local_name().as_ref().to_vec());
                if stack == DEPENDENCY || stack == PARENT {
                    let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                    current = Some(PomDependency {
                        line: lines.line_of(offset.saturating_sub(1)),
                        ..PomDependency::default()
                    });
                }
            }
            Event::Text(content) => {
                let value = content
                    .decode()
                    .map_err(|error| xml_error(text, reader.buffer_position(), &error))?;
                let value = value.trim().to_string();
                // Only direct children count: `<exclusions>` nest their own groupId/artifactId.
                let (field, within) = stack
                    .split_last()
                    .map_or((None, &stack[..0]), |(l, r)| (Some(l), r));
                if stack == ARTIFACT_ID {
                    name = Some(value);
                } else if let (Some(dep), Some(field), true) = (
                    current.as_mut(),
                    field,
                    within == DEPENDENCY || within == PARENT,
                ) {
                    match field.as_slice() {
                        b"groupId" => dep.group = value,
                        b"artifactId" => dep.artifact = value,
                        b"version" => dep.version = Some(value),
                        b"scope" => dep.scope = Some(value),
                        b"optional" => dep.optional = value == "true",
                        _ => {}
                    }
                }
            }
            Event::End(_) => {
                let is_parent = stack == PARENT;
                if stack == DEPENDENCY || is_parent {
                    if let Some(dep) = current.take() {
                        // The parent POM (spring-boot-starter-parent, …) shapes the build.
                        let scope = if is_parent { "build" } else { dep.our_scope() };
                        deps.push(
                            scope,
                            &dep.coordinate(),
                            dep.version.as_deref(),
                            Some(dep.line),
                        );
                    }
                }
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        let open = String::from_utf8_lossy(open);
        return Err(xml_error(
            text,
            reader.buffer_position(),
            &format!("<{open}> is never closed"),
        ));
    }
    Ok(name)
}

#[derive(Default)]
struct PackageReference {
    name: String,
    version: Option<String>,
    private: bool,
    line: u32,
}

fn parse_csproj(path: &str, text: &str, deps: &mut Deps) -> Result<Option<String>, String> {
    let lines = LineIndex::new(text);
    let mut reader = xml_reader(text);
    let mut open: Vec<Vec<u8>> = Vec::new();
    let mut references: Vec<PackageReference> = Vec::new();
    let mut current: Option<PackageReference> = None;
    let mut package_id = None;
    let mut assembly_name = None;
    let mut is_test_project = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| xml_error(text, reader.error_position(), &error))?;
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let line = lines.line_of(offset.saturating_sub(1));
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let is_empty = matches!(event, Event::Empty(_));
                match element.local_name().as_ref() {
                    b"Project" => {
                        // `Sdk="Microsoft.NET.Sdk.Web"` decides what kind of app this is.
                        for sdk in xml_attribute(element, b"Sdk")
                            .iter()
                            .flat_map(|s| s.split(';'))
                        {
                            let (sdk, version) = sdk
                                .split_once('/')
                                .map_or((sdk, None), |(n, v)| (n, Some(v)));
                            deps.push("build", sdk, version, Some(line));
                        }
                    }
                    b"Sdk" => {
                        if let Some(sdk) = xml_attribute(element, b"Name") {
                            deps.push(
                                "build",
                                &sdk,
                                xml_attribute(element, b"Version").as_deref(),
                                Some(line),
                            );
                        }
                    }
                    b"PackageReference" => {
                        // `Update=` adjusts a reference made elsewhere; only `Include=` adds one.
                        if let Some(name) = xml_attribute(element, b"Include") {
                            let private = xml_attribute(element, b"PrivateAssets")
                                .is_some_and(|assets| assets.eq_ignore_ascii_case("all"));
                            let reference = PackageReference {
                                name,
                                version: xml_attribute(element, b"Version"),
                                private,
                                line,
                            };
                            if is_empty {
                                references.push(reference);
                            } else {
                                current = Some(reference);
                            }
                        }
                    }
                    _ => {}
                }
                if !is_empty {
                    open.push(element.local_name().as_ref().to_vec());
                }
            }
            Event::Text(content) => {
                let value = content
                    .decode()
                    .map_err(|error| xml_error(text, reader.buffer_position(), &error))?;
                let value = value.trim().to_string();
                match open.last().map(Vec::as_slice) {
                    Some(b"Version") => {
                        if let Some(reference) = current.as_mut() {
                            reference.version = Some(value);
                        }
                    }
                    Some(b"PrivateAssets") => {
                        if let Some(reference) = current.as_mut() {
                            reference.private = value.eq_ignore_ascii_case("all");
                        }
                    }
                    Some(b"PackageId") => package_id = Some(value),
                    Some(b"AssemblyName") => assembly_name = Some(value),
                    Some(b"IsTestProject") => is_test_project = value.eq_ignore_ascii_case("true"),
                    _ => {}
                }
            }
            Event::End(element) => {
                if element.local_name().as_ref() == b"PackageReference" {
                    references.extend(current.take());
                }
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(element) = open.last() {
        let element = String::from_utf8_lossy(element);
        return Err(xml_error(
            text,
            reader.buffer_position(),
            &format!("<{element}> is never closed"),
        ));
    }
    // NuGet has no test scope: a test project is one, and everything it references is for tests.
    is_test_project |= references
        .iter()
        .any(|r| r.name.eq_ignore_ascii_case("Microsoft.NET.Test.Sdk"));
    for reference in references {
        let scope = if is_test_project {
            "test"
        } else if reference.private {
            "build"
        } else {
            "runtime"
        };
        deps.push(
            scope,
            &reference.name,
            reference.version.as_deref(),
            Some(reference.line),
        );
    }
    // Shared properties name no project of their own.
    let stem = file_name(path)
        .rsplit_once('.')
        .filter(|_| file_name(path) != "Directory.Build.props")
        .map(|(stem, _)| stem.to_string());
    Ok(package_id.or(assembly_name).or(stem))
}

#[cfg(test)]
mod tests {
    use super::super::collect_from;
    use super::*;

    /// (scope, name, version, line) of one dependency.
    type Row = (String, String, Option<String>, Option<u32>);

    /// Parses one manifest and returns its name and dependency rows.
    /// Writes one manifest to a temporary directory and collects it.
    fn deps_of(path: &str, text: &str) -> (Option<String>, Vec<Row>) {
        let (facts, warnings) = collect_from(&[(path, text)]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let manifest = facts.manifests.into_iter().next().expect("one manifest");
        assert_eq!(
            Some(manifest.ecosystem.as_str()),
            kind_of(path).map(ManifestKind::ecosystem)
        );
        let rows = manifest
            .dependencies
            .into_iter()
            .map(|d| (d.scope, d.name, d.version, d.line))
            .collect();
        (manifest.name, rows)
    }

    fn row(scope: &str, name: &str, version: Option<&str>, line: Option<u32>) -> Row {
        (
            scope.to_string(),
            name.to_string(),
            version.map(str::to_string),
            line,
        )
    }

    #[test]
    fn cargo_toml_sections_and_lines() {
        let text = r#"[package]
name = "demo"

[dependencies]
serde = { version = "1", features = ["derive"] }
tokio = { version = "1", optional = true }
renamed = { package = "axum", version = "0.7" }

[dev-dependencies]
tempfile = "3"

[build-dependencies.cc]
version = "1.0"

[target.'cfg(unix)'.dependencies]
libc = "0.2"

[workspace.dependencies]
anyhow = "1"
"#;
        let (name, deps) = deps_of("Cargo.toml", text);
        assert_eq!(name.as_deref(), Some("demo"));
        assert_eq!(
            deps,
            vec![
                row("build", "cc", Some("1.0"), Some(12)),
                row("dev", "tempfile", Some("3"), Some(10)),
                row("optional", "tokio", Some("1"), Some(6)),
                row("runtime", "anyhow", Some("1"), Some(19)),
                row("runtime", "axum", Some("0.7"), Some(7)),
                row("runtime", "libc", Some("0.2"), Some(16)),
                row("runtime", "serde", Some("1"), Some(5)),
            ]
        );
    }

    #[test]
    fn a_cargo_workspace_lists_its_members() {
        let workspace = "[package]\nname = \"x\"\n[workspace]\nmembers = [\"crates/*\", \"cli\"]\n";
        assert_eq!(
            cargo_workspace(workspace),
            Some(vec!["crates/*".to_string(), "cli".to_string()])
        );
        assert_eq!(cargo_workspace("[workspace]\n"), Some(Vec::new()));
        assert_eq!(cargo_workspace("[package]\nname = \"x\"\n"), None);
    }

    #[test]
    fn workspace_only_cargo_toml_has_no_name() {
        let (name, deps) = deps_of("Cargo.toml", "[workspace]\nmembers = [\"a\"]\n");
        assert_eq!(name, None);
        assert!(deps.is_empty());
    }

    #[test]
    fn package_json_scopes() {
        let text = r#"{
  "name": "web",
  "dependencies": { "express": "^4.18.0", "react": "18" },
  "devDependencies": {
    "jest": "^29"
  },
  "peerDependencies": { "vue": "3" },
  "optionalDependencies": { "fsevents": "2" }
}"#;
        let (name, deps) = deps_of("package.json", text);
        assert_eq!(name.as_deref(), Some("web"));
        assert_eq!(
            deps,
            vec![
                row("dev", "jest", Some("^29"), Some(5)),
                row("optional", "fsevents", Some("2"), Some(8)),
                row("peer", "vue", Some("3"), Some(7)),
                row("runtime", "express", Some("^4.18.0"), Some(3)),
                row("runtime", "react", Some("18"), Some(3)),
            ]
        );
    }

    #[test]
    fn broken_package_json_is_a_warning_and_the_rest_goes_on() {
        let (facts, warnings) = collect_from(&[
            (
                "package.json",
                "{ \"name\": \"x\", \"dependencies\": { \"express\": } }",
            ),
            ("go.mod", "module example.com/app\n"),
        ]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, "package.json");
        assert!(
            warnings[0].message.contains("invalid JSON"),
            "{}",
            warnings[0].message
        );
        assert!(warnings[0].message.contains(".archignore"));
        assert_eq!(facts.manifests.len(), 1);
        assert_eq!(facts.manifests[0].path, "go.mod");
    }

    #[test]
    fn broken_toml_and_xml_are_warnings() {
        let (facts, warnings) = collect_from(&[
            ("Cargo.toml", "[package\nname = 1"),
            ("pom.xml", "<project><dependencies></project>"),
            (
                "app/App.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>",
            ),
        ]);
        assert!(facts.manifests.is_empty());
        let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, vec!["Cargo.toml", "app/App.csproj", "pom.xml"]);
        assert!(
            warnings[0].message.starts_with("invalid TOML at line 1"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[1].message.contains("never closed"),
            "{}",
            warnings[1].message
        );
        assert!(
            warnings[2].message.starts_with("invalid XML"),
            "{}",
            warnings[2].message
        );
    }

    #[test]
    fn go_mod_skips_indirect_requires() {
        let text = "module example.com/app\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n\nrequire (\n\tgorm.io/gorm v1.25.0\n\tgolang.org/x/sys v0.15.0 // indirect\n)\n";
        let (name, deps) = deps_of("go.mod", text);
        assert_eq!(name.as_deref(), Some("example.com/app"));
        assert_eq!(
            deps,
            vec![
                row(
                    "runtime",
                    "github.com/gin-gonic/gin",
                    Some("v1.9.1"),
                    Some(5)
                ),
                row("runtime", "gorm.io/gorm", Some("v1.25.0"), Some(8)),
            ]
        );
    }

    #[test]
    fn pom_dependencies_scopes_and_parent() {
        let text = r#"<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.0</version>
  </parent>
  <artifactId>shop</artifactId>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
      <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.10.0</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>jakarta.servlet</groupId>
      <artifactId>jakarta.servlet-api</artifactId>
      <scope>provided</scope>
    </dependency>
  </dependencies>
  <dependencyManagement><dependencies><dependency>
    <groupId>managed</groupId><artifactId>only</artifactId>
  </dependency></dependencies></dependencyManagement>
</project>"#;
        let (name, deps) = deps_of("pom.xml", text);
        assert_eq!(name.as_deref(), Some("shop"));
        assert_eq!(
            deps,
            vec![
                row(
                    "build",
                    "jakarta.servlet:jakarta.servlet-api",
                    None,
                    Some(21)
                ),
                row(
                    "build",
                    "org.springframework.boot:spring-boot-starter-parent",
                    Some("3.2.0"),
                    Some(3)
                ),
                row(
                    "runtime",
                    "org.springframework.boot:spring-boot-starter-web",
                    None,
                    Some(10)
                ),
                row(
                    "test",
                    "org.junit.jupiter:junit-jupiter",
                    Some("5.10.0"),
                    Some(15)
                ),
            ]
        );
    }

    #[test]
    fn gradle_kotlin_and_groovy_dsl() {
        let kts = r#"plugins {
    id("org.springframework.boot") version "3.2.0"
    kotlin("jvm") version "1.9.20"
    `java-library`
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation(platform("org.springframework.boot:spring-boot-dependencies:3.2.0"))
    implementation(kotlin("reflect"))
    kapt("com.google.dagger:dagger-compiler:2.48")
    testImplementation("org.junit.jupiter:junit-jupiter:5.10.0")
    implementation(project(":core"))
}
"#;
        let (_, deps) = deps_of("build.gradle.kts", kts);
        assert_eq!(
            deps,
            vec![
                row(
                    "build",
                    "com.google.dagger:dagger-compiler",
                    Some("2.48"),
                    Some(11)
                ),
                row("build", "org.jetbrains.kotlin.jvm", Some("1.9.20"), Some(3)),
                row("build", "org.springframework.boot", Some("3.2.0"), Some(2)),
                row(
                    "runtime",
                    "org.jetbrains.kotlin:kotlin-reflect",
                    None,
                    Some(10)
                ),
                row(
                    "runtime",
                    "org.springframework.boot:spring-boot-dependencies",
                    Some("3.2.0"),
                    Some(9)
                ),
                row(
                    "runtime",
                    "org.springframework.boot:spring-boot-starter-web",
                    None,
                    Some(8)
                ),
                row(
                    "test",
                    "org.junit.jupiter:junit-jupiter",
                    Some("5.10.0"),
                    Some(12)
                ),
            ]
        );
        let groovy = "apply plugin: 'java'\napply plugin: 'org.springframework.boot'\ndependencies {\n  compileOnly 'org.projectlombok:lombok:1.18.30'\n  runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.0'\n  implementation \"io.grpc:grpc-stub:${grpcVersion}\",\n      \"io.grpc:grpc-netty:1.0\"\n  implementation fileTree(dir: 'libs')\n  implementation platform('org.springframework.boot:spring-boot-dependencies:3.2.0')\n  implementation.extendsFrom 'x:y'\n  \"not:a-dependency:1\"\n}\n";
        let (_, deps) = deps_of("build.gradle", groovy);
        let boot_bom = "org.springframework.boot:spring-boot-dependencies";
        assert_eq!(
            deps,
            vec![
                row(
                    "build",
                    "org.projectlombok:lombok",
                    Some("1.18.30"),
                    Some(4)
                ),
                row("build", "org.springframework.boot", None, Some(2)),
                row("runtime", "io.grpc:grpc-netty", Some("1.0"), Some(7)),
                row(
                    "runtime",
                    "io.grpc:grpc-stub",
                    Some("${grpcVersion}"),
                    Some(6)
                ),
                row(
                    "runtime",
                    "org.postgresql:postgresql",
                    Some("42.7.0"),
                    Some(5)
                ),
                row("runtime", boot_bom, Some("3.2.0"), Some(9)),
            ]
        );
    }

    #[test]
    fn gradle_name_comes_from_settings() {
        let (facts, warnings) = collect_from(&[
            (
                "build.gradle.kts",
                "dependencies {\n implementation(\"io.ktor:ktor-server-core:2.3.0\")\n}\n",
            ),
            ("settings.gradle.kts", "rootProject.name = \"ktor-app\"\n"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(facts.manifests[0].name.as_deref(), Some("ktor-app"));
    }

    #[test]
    fn setuptools_manifests_are_read_without_running_them() {
        let setup_py = r#"from setuptools import setup

setup(
    name='jmespath',
    version='1.0.1',
    scripts=['bin/jp.py'],
    install_requires=[
        "requests>=2.0",
        'click',
    ],
    tests_require=["pytest"],
)
"#;
        let (name, deps) = deps_of("setup.py", setup_py);
        assert_eq!(name.as_deref(), Some("jmespath"));
        assert_eq!(
            deps,
            vec![
                row("runtime", "click", None, Some(9)),
                row("runtime", "requests", Some(">=2.0"), Some(8)),
                row("test", "pytest", None, Some(11)),
            ]
        );
        assert_eq!(ships(ManifestKind::Setup, setup_py), vec!["cli"]);
        let setup_cfg = "[metadata]\nname = thefuck\n\n[options]\ninstall_requires =\n    psutil\n    colorama>=0.4\n\n[options.entry_points]\nconsole_scripts =\n    thefuck = thefuck.entrypoints.main:main\n";
        let (name, deps) = deps_of("setup.cfg", setup_cfg);
        assert_eq!(name.as_deref(), Some("thefuck"));
        assert_eq!(
            deps,
            vec![
                row("runtime", "colorama", Some(">=0.4"), Some(7)),
                row("runtime", "psutil", None, Some(6)),
            ]
        );
        assert_eq!(ships(ManifestKind::Setup, setup_cfg), vec!["cli"]);
        assert!(ships(ManifestKind::Setup, "setup(name='lib', packages=['lib'])").is_empty());
    }

    #[test]
    fn pyproject_pep621_and_poetry() {
        let pep621 = r#"[build-system]
requires = ["hatchling"]

[project]
name = "svc"
dependencies = [
    "fastapi[all]>=0.100",
    "SQLAlchemy ; python_version >= '3.8'",
]

[project.optional-dependencies]
test = ["pytest>=7"]
kafka = ["confluent-kafka"]

[dependency-groups]
dev = ["ruff"]
"#;
        let (name, deps) = deps_of("pyproject.toml", pep621);
        assert_eq!(name.as_deref(), Some("svc"));
        assert_eq!(
            deps,
            vec![
                row("build", "hatchling", None, Some(2)),
                row("dev", "ruff", None, Some(16)),
                row("optional", "confluent-kafka", None, Some(13)),
                row("runtime", "SQLAlchemy", None, Some(8)),
                row("runtime", "fastapi", Some(">=0.100"), Some(7)),
                row("test", "pytest", Some(">=7"), Some(12)),
            ]
        );
        let poetry = r#"[tool.poetry]
name = "poet"

[tool.poetry.dependencies]
python = "^3.11"
django = "^5.0"
celery = { version = "^5.3", optional = true }

[tool.poetry.dev-dependencies]
black = "*"

[tool.poetry.group.test.dependencies]
pytest = "^8"
"#;
        let (name, deps) = deps_of("pyproject.toml", poetry);
        assert_eq!(name.as_deref(), Some("poet"));
        assert_eq!(
            deps,
            vec![
                row("dev", "black", Some("*"), Some(10)),
                row("optional", "celery", Some("^5.3"), Some(7)),
                row("runtime", "django", Some("^5.0"), Some(6)),
                row("test", "pytest", Some("^8"), Some(13)),
            ]
        );
    }

    #[test]
    fn requirements_files_skip_options_and_strip_specifiers() {
        let text = "# web\n-r base.txt\n--index-url https://example.com\n-e .\nflask==2.3.0  # pinned\nrequests[security]>=2 ; python_version > '3'\ngit+https://github.com/x/y.git#egg=y\n\nuvicorn \\\n";
        let (_, deps) = deps_of("requirements.txt", text);
        assert_eq!(
            deps,
            vec![
                row("runtime", "flask", Some("==2.3.0"), Some(5)),
                row("runtime", "requests", Some(">=2"), Some(6)),
                row("runtime", "uvicorn", None, Some(9)),
            ]
        );
        let (_, dev) = deps_of("requirements-dev.txt", "black\n");
        assert_eq!(dev, vec![row("dev", "black", None, Some(1))]);
        let (_, test) = deps_of("requirements/test.txt", "pytest\n");
        assert_eq!(test, vec![row("test", "pytest", None, Some(1))]);
        assert_eq!(
            kind_of("requirements/base.txt"),
            Some(ManifestKind::Requirements)
        );
        assert_eq!(kind_of("docs/notes.txt"), None);
    }

    #[test]
    fn pipfile_packages_and_dev_packages() {
        let text = "[packages]\nflask = \"*\"\nrequests = { version = \">=2.0\" }\n\n[dev-packages]\npytest = \"*\"\n";
        let (_, deps) = deps_of("Pipfile", text);
        assert_eq!(
            deps,
            vec![
                row("dev", "pytest", Some("*"), Some(6)),
                row("runtime", "flask", Some("*"), Some(2)),
                row("runtime", "requests", Some(">=2.0"), Some(3)),
            ]
        );
    }

    #[test]
    fn packages_taken_from_the_checkout_keep_their_folder() {
        let local = |path: &str, text: &str| -> Vec<(String, Option<String>)> {
            let (facts, warnings) = collect_from(&[(path, text)]);
            assert!(warnings.is_empty(), "{warnings:?}");
            let manifest = facts.manifests.into_iter().next().expect("one manifest");
            manifest
                .dependencies
                .into_iter()
                .map(|d| (d.name, d.path))
                .collect()
        };
        let pair = |name: &str, path: Option<&str>| (name.to_string(), path.map(str::to_string));
        assert_eq!(
            local(
                "myapp/Gemfile",
                "gem \"puma\"\ngem \"sidekiq\", path: \"..\"\ngem 'web', :path => '../web'\n"
            ),
            vec![
                pair("puma", None),
                pair("sidekiq", Some("..")),
                pair("web", Some("../web"))
            ]
        );
        assert_eq!(
            local(
                "walkdir-list/Cargo.toml",
                "[package]\nname = \"walkdir-list\"\n[dependencies]\nclap = \"4\"\nwalkdir = { path = \"..\", version = \"2\" }\n"
            ),
            vec![pair("clap", None), pair("walkdir", Some(".."))]
        );
        assert_eq!(
            local(
                "test-types/package.json",
                r#"{"name": "t", "dependencies": {"knex": "file:..", "tstyche": "^2"}}"#
            ),
            vec![pair("knex", Some("..")), pair("tstyche", None)]
        );
    }

    #[test]
    fn gemfile_groups_give_scopes() {
        let text = r#"source "https://rubygems.org"
gem "rails", "~> 7.1", ">= 7.1.2"
gem 'pg'
gem "rubocop", require: false, group: :development

group :development, :test do
  gem "spring"
  platforms :mri do
    gem "byebug"
  end
end

group :test do
  gem "rspec-rails"
end
gem "puma"
"#;
        let (_, deps) = deps_of("Gemfile", text);
        assert_eq!(
            deps,
            vec![
                row("dev", "byebug", None, Some(9)),
                row("dev", "rubocop", None, Some(4)),
                row("dev", "spring", None, Some(7)),
                row("runtime", "pg", None, Some(3)),
                row("runtime", "puma", None, Some(16)),
                row("runtime", "rails", Some("~> 7.1, >= 7.1.2"), Some(2)),
                row("test", "rspec-rails", None, Some(14)),
            ]
        );
    }

    #[test]
    fn gemspec_gives_name_dependencies_and_executables() {
        let text = "Gem::Specification.new do |spec|\n  spec.name = \"kamal\"\n  spec.executables = %w[ kamal ]\n  spec.add_dependency \"thor\", \"~> 1.3\"\n  spec.add_runtime_dependency(\"sshkit\", \">= 1.23.0\", \"< 2.0\")\n  spec.add_development_dependency \"minitest\"\nend\n";
        let (name, deps) = deps_of("kamal.gemspec", text);
        assert_eq!(name.as_deref(), Some("kamal"));
        assert_eq!(
            deps,
            vec![
                row("dev", "minitest", None, Some(6)),
                row("runtime", "sshkit", Some(">= 1.23.0, < 2.0"), Some(5)),
                row("runtime", "thor", Some("~> 1.3"), Some(4)),
            ]
        );
        assert_eq!(ships(ManifestKind::Gemspec, text), ["cli"]);
        let library =
            "Gem::Specification.new do |s|\n  s.name = 'faraday'\n  s.executables = []\nend\n";
        assert_eq!(ships(ManifestKind::Gemspec, library), ["library"]);
    }

    #[test]
    fn a_gemspec_installs_only_the_programs_it_has() {
        let skeleton = "Gem::Specification.new do |spec|\n  spec.name = \"money\"\n  spec.bindir = \"exe\"\n  spec.executables = spec.files.grep(%r{\\Aexe/}) { |f| File.basename(f) }\nend\n";
        let ships_with = |extra: &[(&str, &str)]| {
            let mut files = vec![
                ("money.gemspec", skeleton),
                ("lib/money.rb", "module Money; end\n"),
            ];
            files.extend_from_slice(extra);
            let (facts, _) = collect_from(&files);
            let gemspec = facts.manifests.iter().find(|m| m.path == "money.gemspec");
            gemspec.expect("the gemspec").ships.clone()
        };
        // The skeleton's development scripts are no programs.
        let scripts = [
            ("bin/console", "#!/usr/bin/env ruby\n"),
            ("bin/setup", "#!/bin/sh\n"),
        ];
        assert_eq!(ships_with(&scripts), ["library"]);
        assert_eq!(
            ships_with(&[("exe/money", "#!/usr/bin/env ruby\n")]),
            ["cli"]
        );
    }

    #[test]
    fn csproj_references_and_sdk() {
        let text = r#"<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore" Version="8.0.0" />
    <PackageReference Include="Serilog">
      <Version>3.1.1</Version>
    </PackageReference>
    <PackageReference Include="StyleCop.Analyzers" Version="1.1" PrivateAssets="all" />
    <PackageReference Update="Ignored" Version="1" />
  </ItemGroup>
</Project>"#;
        let (name, deps) = deps_of("src/Api/Api.csproj", text);
        assert_eq!(name.as_deref(), Some("Api"));
        assert_eq!(
            deps,
            vec![
                row("build", "Microsoft.NET.Sdk.Web", None, Some(1)),
                row("build", "StyleCop.Analyzers", Some("1.1"), Some(10)),
                row(
                    "runtime",
                    "Microsoft.EntityFrameworkCore",
                    Some("8.0.0"),
                    Some(6)
                ),
                row("runtime", "Serilog", Some("3.1.1"), Some(7)),
            ]
        );
        let tests = r#"<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.8.0" />
    <PackageReference Include="xunit" Version="2.6.2" />
  </ItemGroup>
</Project>"#;
        let (_, deps) = deps_of("tests/Api.Tests.csproj", tests);
        assert_eq!(
            deps[1],
            row("test", "Microsoft.NET.Test.Sdk", Some("17.8.0"), Some(3))
        );
        assert_eq!(deps[2], row("test", "xunit", Some("2.6.2"), Some(4)));
    }

    #[test]
    fn registry_metadata_says_what_a_package_ships() {
        let ships_of = |text: &str| ships(ManifestKind::Csproj, text);
        let library = r#"<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><PackageTags>mediator</PackageTags></PropertyGroup></Project>"#;
        assert_eq!(ships_of(library), ["library"]);
        let web = r#"<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><IsPackable>true</IsPackable></PropertyGroup></Project>"#;
        assert!(ships_of(web).is_empty());
        let exe = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><PackageId>x</PackageId></PropertyGroup></Project>";
        assert!(ships_of(exe).is_empty());
        let tool = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><PackAsTool>true</PackAsTool></PropertyGroup></Project>";
        assert_eq!(ships_of(tool), ["cli"]);
        // A console utility the repository never packs (EasyNetQ.Hosepipe).
        let utility = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><IsPackable>false</IsPackable></PropertyGroup></Project>";
        assert_eq!(ships_of(utility), ["private"]);
        // crates.io categories: the author files the crate under command-line utilities.
        let cargo = "[package]\nname = \"pastel\"\ncategories = [\"command-line-utilities\"]\n";
        assert_eq!(ships(ManifestKind::Cargo, cargo), ["cli"]);
        assert!(ships(ManifestKind::Cargo, "[package]\nname = \"x\"\n").is_empty());
        // Package metadata written once for every project below it.
        let props = r#"<Project><PropertyGroup><PackageLicenseExpression>Apache-2.0</PackageLicenseExpression></PropertyGroup></Project>"#;
        assert_eq!(ships_of(props), ["library"]);
        assert_eq!(
            kind_of("src/Directory.Build.props"),
            Some(ManifestKind::Csproj)
        );
        // A class library of a solution, not packed: nothing declared.
        assert!(ships_of(r#"<Project Sdk="Microsoft.NET.Sdk"></Project>"#).is_empty());
        // Only class libraries target .NET Standard (Hangfire.AspNetCore beside net461).
        let standard = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFrameworks>net461;netstandard2.0</TargetFrameworks></PropertyGroup></Project>";
        assert_eq!(ships_of(standard), ["library"]);
        let app = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>";
        assert!(ships_of(app).is_empty());
    }

    #[test]
    fn gradle_builds_with_the_application_plugin_ship_a_program() {
        let gradle = "plugins {\n  application\n}\napplication {\n  mainClass.set(\"com.facebook.ktfmt.cli.Main\")\n}\n";
        assert_eq!(ships(ManifestKind::Gradle, gradle), ["cli"]);
        let pom = |class: &str| {
            format!("<project><build><plugins><plugin><configuration><mainClass>{class}</mainClass></configuration></plugin></plugins></build></project>")
        };
        assert_eq!(ships(ManifestKind::Maven, &pom("a.java.Main")), ["cli"]);
        assert_eq!(
            ships(ManifestKind::Maven, &pom("a.tool.FormatterCli")),
            ["cli"]
        );
        // Example and build-tool jars of a library name what they do, not a program.
        assert!(ships(
            ManifestKind::Maven,
            &pom("org.jsoup.examples.HtmlToPlainText")
        )
        .is_empty());
        assert!(ships(ManifestKind::Maven, &pom("com.android.tools.r8.R8")).is_empty());
        assert!(ships(ManifestKind::Gradle, "plugins { id(\"java-library\") }").is_empty());
    }

    #[test]
    fn composer_declares_libraries_and_binaries_only_explicitly() {
        let ships_of = |text: &str| ships(ManifestKind::Composer, text);
        assert_eq!(
            ships_of(r#"{"name": "league/flysystem", "type": "library"}"#),
            ["library"]
        );
        assert_eq!(
            ships_of(r#"{"type": "library", "bin": ["bin/composer"]}"#),
            ["library", "cli"]
        );
        // Composer's default type is "library", but applications rarely say anything.
        assert!(ships_of(r#"{"name": "acme/shop"}"#).is_empty());
        assert_eq!(ships_of(r#"{"type": "project"}"#), ["application"]);
        assert!(ships_of("{ not json").is_empty());
    }

    #[test]
    fn composer_skips_platform_packages() {
        let text = r#"{
    "name": "acme/shop",
    "require": {
        "php": ">=8.1",
        "ext-json": "*",
        "laravel/framework": "^10.0"
    },
    "require-dev": {
        "phpunit/phpunit": "^10"
    }
}"#;
        let (name, deps) = deps_of("composer.json", text);
        assert_eq!(name.as_deref(), Some("acme/shop"));
        assert_eq!(
            deps,
            vec![
                row("dev", "phpunit/phpunit", Some("^10"), Some(9)),
                row("runtime", "laravel/framework", Some("^10.0"), Some(6)),
            ]
        );
    }

    #[test]
    fn pep508_forms() {
        assert_eq!(pep508("Django>=4,<5"), Some(("Django", Some(">=4,<5"))));
        assert_eq!(
            pep508("uvicorn[standard] (>=0.20)"),
            Some(("uvicorn", Some(">=0.20")))
        );
        assert_eq!(
            pep508("pkg @ https://example.com/pkg.whl"),
            Some(("pkg", None))
        );
        assert_eq!(pep508(">=1"), None);
    }
}
