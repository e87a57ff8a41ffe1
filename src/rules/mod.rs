//! Rules: the architecture a team wants to keep, written in `arch.yaml`, checked against an
//! analysis by `arch analyze --check`.
//!
//! ```yaml
//! rules:
//!   preset: hexagonal            # layered | hexagonal | clean | mvc, expanded for this repo's modules
//!   layers:                      # top to bottom: a layer may depend only on the layers below it
//!     - { name: web, modules: ["src/web/**"] }
//!     - { name: service, modules: ["src/service/**"] }
//!     - { name: data, modules: ["src/repository/**"] }
//!   forbidden:                   # from-glob must not depend on to-glob
//!     - { name: no-web-to-db, from: "src/web/**", to: "src/db/**", unless: "src/web/admin/**" }
//!   allowed:                     # from-glob may depend only on these
//!     - { name: pure-domain, from: "src/domain/**", to: ["src/domain/**", "src/shared/**"] }
//!   no_cycles: true              # or a list of subtrees: ["src/**"]
//!   required:                    # findings the analysis must assert
//!     - style: hexagonal
//!     - design: repository
//! ```
//!
//! Globs match module ids (directories relative to the root); `dir/**` matches `dir`
//! itself too. Every violation names its rule, the two modules and the import site.

pub mod baseline;
mod check;
mod presets;

use std::path::{Path, PathBuf};

use globset::GlobMatcher;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use check::{check, violations, CheckReport, CheckSummary, Violation, CHECK_SCHEMA_VERSION};

/// The `rules:` section of `arch.yaml`, as written.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    /// An architecture preset expanded into rules for the repository's actual modules.
    #[serde(default)]
    pub preset: Option<Preset>,
    /// Ordered layers, top first.
    #[serde(default)]
    pub layers: Vec<LayerRule>,
    /// Dependencies that must not exist.
    #[serde(default)]
    pub forbidden: Vec<ForbiddenRule>,
    /// The only dependencies some modules may have.
    #[serde(default)]
    pub allowed: Vec<AllowedRule>,
    /// No dependency cycles: `true` for the whole graph, or the subtrees to check.
    #[serde(default)]
    pub no_cycles: Option<NoCycles>,
    /// Findings the analysis must assert.
    #[serde(default)]
    pub required: Vec<RequiredFinding>,
}

/// Architecture presets.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Presentation → business → data, never upward.
    Layered,
    /// The domain core depends on no adapter.
    Hexagonal,
    /// Dependencies point inward: domain ← application ← infrastructure / delivery.
    Clean,
    /// Models depend on neither controllers nor views.
    Mvc,
}

/// One layer.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LayerRule {
    /// Its name, used in messages.
    pub name: String,
    /// Globs of the modules it holds.
    pub modules: Vec<String>,
}

/// A forbidden dependency.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ForbiddenRule {
    /// Rule name (defaults to `forbidden-N`).
    #[serde(default)]
    pub name: Option<String>,
    /// Glob of depending modules.
    pub from: String,
    /// Glob of modules they must not depend on.
    pub to: String,
    /// Glob of depending modules exempt from the rule.
    #[serde(default)]
    pub unless: Option<String>,
    /// What to tell the developer.
    #[serde(default)]
    pub message: Option<String>,
}

/// An allow-list of dependencies.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AllowedRule {
    /// Rule name (defaults to `allowed-N`).
    #[serde(default)]
    pub name: Option<String>,
    /// Glob of the modules the rule constrains.
    pub from: String,
    /// Globs of the only modules they may depend on.
    pub to: Vec<String>,
    /// What to tell the developer.
    #[serde(default)]
    pub message: Option<String>,
}

/// `no_cycles: true` or `no_cycles: ["src/**", …]`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum NoCycles {
    /// The whole graph (`true`) or nothing (`false`).
    All(bool),
    /// Only cycles whose modules all lie in one of these subtrees.
    Within(Vec<String>),
}

/// A finding the analysis must assert, e.g. `style: hexagonal`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RequiredFinding {
    /// A required style.
    #[serde(default)]
    pub style: Option<String>,
    /// A required design pattern.
    #[serde(default)]
    pub design: Option<String>,
    /// A required communication id.
    #[serde(default)]
    pub communication: Option<String>,
    /// A required data id.
    #[serde(default)]
    pub data: Option<String>,
}

/// A rule configuration that cannot be used. Always names the file and, where it can, the line.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The YAML is invalid or has an unknown key or a value of the wrong type.
    #[error("invalid rules in {path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A value is well-formed YAML but means nothing: a bad glob, an unknown finding id.
    #[error("invalid rules in {path} at line {line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the offending value.
        line: usize,
        /// What is wrong and what is accepted.
        message: String,
    },
}

/// Rules compiled against their globs, ready to check.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Where they came from (for messages).
    pub source: PathBuf,
    pub(crate) layers: Vec<(String, Vec<ModuleGlob>)>,
    pub(crate) forbidden: Vec<Forbidden>,
    pub(crate) allowed: Vec<Allowed>,
    pub(crate) no_cycles: Option<Vec<ModuleGlob>>,
    pub(crate) required: Vec<(crate::detect::FindingKind, String)>,
    /// The preset, expanded in [`Rules::expand_preset`].
    pub preset: Option<Preset>,
}

/// A compiled forbidden-dependency rule.
#[derive(Debug, Clone)]
pub(crate) struct Forbidden {
    pub name: String,
    pub from: ModuleGlob,
    pub to: ModuleGlob,
    pub unless: Option<ModuleGlob>,
    pub message: Option<String>,
}

/// A compiled allow-list rule.
#[derive(Debug, Clone)]
pub(crate) struct Allowed {
    pub name: String,
    pub from: ModuleGlob,
    pub to: Vec<ModuleGlob>,
    pub message: Option<String>,
}

/// A glob over module ids where `dir/**` also matches `dir`.
#[derive(Debug, Clone)]
pub struct ModuleGlob {
    /// As written.
    pub pattern: String,
    matchers: Vec<GlobMatcher>,
}

impl ModuleGlob {
    /// Compiles `pattern`.
    pub fn new(pattern: &str) -> Result<Self, globset::Error> {
        let mut matchers = vec![globset::GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()?
            .compile_matcher()];
        if let Some(base) = pattern.strip_suffix("/**") {
            matchers.push(
                globset::GlobBuilder::new(base)
                    .literal_separator(true)
                    .build()?
                    .compile_matcher(),
            );
        }
        Ok(Self {
            pattern: pattern.to_string(),
            matchers,
        })
    }

    /// An exact module id, for rules that presets build.
    pub fn module(id: &str) -> Self {
        let escaped = globset::escape(id);
        Self::new(&format!("{escaped}/**")).unwrap_or_else(|_| Self {
            pattern: id.to_string(),
            matchers: Vec::new(),
        })
    }

    /// Whether module `id` matches.
    pub fn is_match(&self, id: &str) -> bool {
        self.matchers.iter().any(|m| m.is_match(id))
    }
}

#[derive(Debug, Deserialize, Default)]
struct RepoFile {
    #[serde(default)]
    rules: Option<RulesConfig>,
}

/// The JSON Schema of [`CheckReport`], as committed in `docs/schema/check.schema.json`.
pub fn check_schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<CheckReport>();
    serde_json::to_value(schema).unwrap_or(serde_json::Value::Null)
}

/// Reads the `rules:` section of `path` (an `arch.yaml`). `Ok(None)` when it has none.
pub fn load(path: &Path) -> Result<Option<Rules>, RulesError> {
    let text = std::fs::read_to_string(path).map_err(|source| RulesError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// Parses the `rules:` section of `text` (the contents of `path`).
pub fn parse(path: &Path, text: &str) -> Result<Option<Rules>, RulesError> {
    // Other sections belong to the settings, which validate them.
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| RulesError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    if value.get("rules").is_none() {
        return Ok(None);
    }
    // Deserialise from text (not the Value) so errors keep their line numbers.
    let file: RepoFile =
        serde_yaml::from_str(&only_rules(text)).map_err(|e| RulesError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    let Some(config) = file.rules else {
        return Ok(None);
    };
    compile(path, text, &config).map(Some)
}

/// Blanks every top-level section but `rules:` (keeping line numbers), so that unknown
/// keys are reported inside `rules:` only.
fn only_rules(text: &str) -> String {
    let mut keep = false;
    text.lines()
        .map(|line| {
            let top_level = !line.starts_with([' ', '\t', '#', '-']) && !line.trim().is_empty();
            if top_level {
                keep = line.starts_with("rules:");
            }
            if keep {
                line.to_string()
            } else {
                String::new()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The 1-based line where `needle` first appears after the `rules:` line.
fn line_of(text: &str, needle: &str) -> usize {
    let start = text
        .lines()
        .position(|l| l.starts_with("rules:"))
        .unwrap_or(0);
    text.lines()
        .enumerate()
        .skip(start)
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .unwrap_or(start + 1)
}

fn compile(path: &Path, text: &str, config: &RulesConfig) -> Result<Rules, RulesError> {
    let glob = |pattern: &str| {
        ModuleGlob::new(pattern).map_err(|e| RulesError::Invalid {
            path: path.to_path_buf(),
            line: line_of(text, pattern),
            message: format!("{pattern:?} is not a valid glob: {}", e.kind()),
        })
    };
    let mut layers = Vec::new();
    for layer in &config.layers {
        let globs = layer
            .modules
            .iter()
            .map(|m| glob(m))
            .collect::<Result<Vec<_>, _>>()?;
        layers.push((layer.name.clone(), globs));
    }
    let mut forbidden = Vec::new();
    for (i, rule) in config.forbidden.iter().enumerate() {
        let name = rule
            .name
            .clone()
            .unwrap_or_else(|| format!("forbidden-{}", i + 1));
        let unless = rule.unless.as_deref().map(glob).transpose()?;
        forbidden.push(Forbidden {
            name,
            from: glob(&rule.from)?,
            to: glob(&rule.to)?,
            unless,
            message: rule.message.clone(),
        });
    }
    let mut allowed = Vec::new();
    for (i, rule) in config.allowed.iter().enumerate() {
        let name = rule
            .name
            .clone()
            .unwrap_or_else(|| format!("allowed-{}", i + 1));
        let to = rule
            .to
            .iter()
            .map(|t| glob(t))
            .collect::<Result<Vec<_>, _>>()?;
        allowed.push(Allowed {
            name,
            from: glob(&rule.from)?,
            to,
            message: rule.message.clone(),
        });
    }
    let no_cycles = match &config.no_cycles {
        None | Some(NoCycles::All(false)) => None,
        Some(NoCycles::All(true)) => Some(vec![glob("**")?]),
        Some(NoCycles::Within(list)) => Some(
            list.iter()
                .map(|g| glob(g))
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let mut required = Vec::new();
    for req in &config.required {
        let entries = [
            (crate::detect::FindingKind::Style, &req.style),
            (crate::detect::FindingKind::Design, &req.design),
            (
                crate::detect::FindingKind::Communication,
                &req.communication,
            ),
            (crate::detect::FindingKind::Data, &req.data),
        ];
        let given: Vec<(crate::detect::FindingKind, &String)> = entries
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (*k, v)))
            .collect();
        if given.len() != 1 {
            return Err(RulesError::Invalid {
                path: path.to_path_buf(),
                line: line_of(text, "required"),
                message:
                    "each required entry names exactly one of style, design, communication or data"
                        .into(),
            });
        }
        let (kind, id) = given[0];
        let known = crate::detect::TAXONOMY
            .iter()
            .any(|(k, ids)| *k == kind && ids.contains(&id.as_str()));
        if !known {
            let ids: Vec<&str> = crate::detect::TAXONOMY
                .iter()
                .filter(|(k, _)| *k == kind)
                .flat_map(|(_, ids)| ids.iter().copied())
                .collect();
            return Err(RulesError::Invalid {
                path: path.to_path_buf(),
                line: line_of(text, id),
                message: format!(
                    "{id:?} is not a {} id; known: {}",
                    kind.as_str(),
                    ids.join(", ")
                ),
            });
        }
        required.push((kind, id.clone()));
    }
    Ok(Rules {
        source: path.to_path_buf(),
        layers,
        forbidden,
        allowed,
        no_cycles,
        required,
        preset: config.preset,
    })
}

impl Rules {
    /// No rules at all (only `--check` with `required` from flags, or a preset).
    pub fn empty(source: PathBuf) -> Self {
        Self {
            source,
            layers: Vec::new(),
            forbidden: Vec::new(),
            allowed: Vec::new(),
            no_cycles: None,
            required: Vec::new(),
            preset: None,
        }
    }

    /// Whether checking needs the detectors' findings (only `required` rules do).
    pub fn needs_findings(&self) -> bool {
        !self.required.is_empty()
    }

    /// Adds the rules of the preset, if any, built from the analysis's module names.
    pub fn expand_preset(&mut self, analysis: &crate::analysis::Analysis) {
        if let Some(preset) = self.preset {
            presets::expand(preset, analysis, self);
        }
    }

    /// How many rules there are, by kind, for reports: (layers, forbidden, allowed, cycles, required).
    pub fn rule_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        if !self.layers.is_empty() {
            ids.push("layers".to_string());
        }
        ids.extend(
            self.forbidden
                .iter()
                .map(|f| format!("forbidden/{}", f.name)),
        );
        ids.extend(self.allowed.iter().map(|a| format!("allowed/{}", a.name)));
        ids.dedup();
        if self.no_cycles.is_some() {
            ids.push("no-cycles".to_string());
        }
        ids.extend(
            self.required
                .iter()
                .map(|(k, id)| format!("required/{}:{id}", k.as_str())),
        );
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Option<Rules>, RulesError> {
        parse(Path::new("arch.yaml"), text)
    }

    #[test]
    fn a_file_without_rules_has_none() {
        assert!(parse_str("analyze:\n  threads: 2\n")
            .expect("valid")
            .is_none());
    }

    #[test]
    fn every_rule_type_parses() {
        let rules = parse_str(
            "analyze:\n  threads: 2\nrules:\n  layers:\n    - { name: web, modules: [\"src/web/**\"] }\n    - { name: data, modules: [\"src/db/**\"] }\n  forbidden:\n    - { from: \"src/ui/**\", to: \"src/db/**\", unless: \"src/ui/admin/**\" }\n  allowed:\n    - { name: pure, from: \"src/domain/**\", to: [\"src/domain/**\"] }\n  no_cycles: [\"src/**\"]\n  required:\n    - style: hexagonal\n",
        )
        .expect("valid")
        .expect("has rules");
        assert_eq!(rules.layers.len(), 2);
        assert_eq!(rules.forbidden[0].name, "forbidden-1");
        assert_eq!(rules.allowed[0].name, "pure");
        assert!(rules.no_cycles.is_some());
        assert_eq!(rules.rule_ids().len(), 5);
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_line() {
        let err =
            parse_str("analyze:\n  threads: 2\nrules:\n  forbiden:\n    - { from: a, to: b }\n")
                .expect_err("typo");
        let msg = err.to_string();
        assert!(msg.contains("forbiden") && msg.contains("line 4"), "{msg}");

        let err = parse_str("rules:\n  forbidden:\n    - { from: \"src/[\", to: b }\n")
            .expect_err("bad glob");
        assert!(err.to_string().contains("line 3"), "{err}");

        let err =
            parse_str("rules:\n  required:\n    - style: hexagonl\n").expect_err("unknown id");
        let msg = err.to_string();
        assert!(msg.contains("line 3") && msg.contains("hexagonal"), "{msg}");
    }

    #[test]
    fn module_globs_match_the_directory_itself() {
        let g = ModuleGlob::new("src/web/**").expect("glob");
        assert!(g.is_match("src/web"));
        assert!(g.is_match("src/web/admin"));
        assert!(!g.is_match("src/webapp"));
        let star = ModuleGlob::new("src/*").expect("glob");
        assert!(star.is_match("src/a"));
        assert!(!star.is_match("src/a/b"));
    }
}
