//! Project facts: what a repository says about itself outside its source code.
//!
//! Manifests give direct dependencies and frameworks, lock files give the transitive
//! set (kept apart so a lock-file-only package is never mistaken for a choice),
//! deployment descriptors give how it ships, CI files how it is built, and ADR folders
//! the decisions its authors wrote down.

use schemars::JsonSchema;
use serde::Serialize;

/// Everything [`collect`] learned about a repository from its non-source files.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct ProjectFacts {
    /// Manifests found, each with its direct dependencies.
    pub manifests: Vec<Manifest>,
    /// Lock files found, with how many resolved (transitive) packages each pins.
    pub lockfiles: Vec<Lockfile>,
    /// Frameworks recognised from direct dependencies (never from lock files).
    pub frameworks: Vec<Framework>,
    /// Container, orchestration and infrastructure-as-code descriptors.
    pub infrastructure: Vec<InfraFile>,
    /// Continuous-integration pipelines.
    pub ci: Vec<CiFile>,
    /// Architecture decision records.
    pub adrs: Vec<Adr>,
    /// Interface schemas (protobuf, GraphQL, OpenAPI, AsyncAPI, Avro), SQL files and migrations.
    pub artifacts: Vec<Artifact>,
    /// The first paragraph of the root README, as the project describes itself (≤ 400 characters).
    #[serde(default)]
    pub summary: Option<String>,
    /// Where the README or architecture notes say which style the project follows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

/// An affirmative statement of an architectural style in the project's own documentation
/// ("## Hexagonal Architecture", "based on Clean Architecture").
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Statement {
    /// The taxonomy style id it names.
    pub style: String,
    /// Path relative to the analysed root.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// The line, trimmed (≤ 160 characters).
    pub text: String,
    /// Named only by a generic noun ("a line-oriented search tool"): it says which of a
    /// command-line tool and a library the package is first, and is no evidence for either.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub generic: bool,
}

impl Statement {
    /// Whether it is a title of the root README (`# clean-architecture-dotnet`, or its first
    /// line, underlined as a setext heading: "Welcome to CQRS in Practice"): what the
    /// project calls itself before anything else.
    pub fn title(&self) -> bool {
        !self.path.contains('/')
            && self.path.to_ascii_lowercase().starts_with("readme")
            && (self.text.starts_with("# ") || self.line == 1)
    }
}

/// One manifest file and the dependencies it declares directly.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Manifest {
    /// Path relative to the analysed root.
    pub path: String,
    /// Ecosystem: cargo, npm, go, maven, gradle, python, pipenv, bundler, nuget, composer.
    pub ecosystem: String,
    /// The package's own name, where the manifest declares one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Direct dependencies, sorted by scope then name.
    pub dependencies: Vec<Dependency>,
    /// What the package declares it ships: `library` (package.json main / exports / module /
    /// types, composer.json `"type": "library"`, a .csproj packed for NuGet), `cli` (package.json
    /// or composer.json bin, pyproject scripts, a .csproj `PackAsTool`), `application`
    /// (composer.json `"type": "project"`), `private` (package.json `"private": true`, a
    /// console .csproj with `IsPackable` false: never published).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ships: Vec<String>,
    /// The member folders a workspace manifest declares (Cargo `[workspace] members`), as
    /// written; absent where it declares no workspace. A root package without one builds
    /// alone: a crate in a subfolder that it does not depend on (the HTTP server a
    /// profile-guided build runs against) is not part of the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<Vec<String>>,
}

/// A dependency declared directly in a manifest.
#[derive(
    Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
pub struct Dependency {
    /// runtime, dev, build, test, optional or peer.
    pub scope: String,
    /// Package name as the ecosystem spells it.
    pub name: String,
    /// Version requirement as written, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// 1-based line in the manifest, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The folder the package is taken from, as written, when it comes from the checkout
    /// rather than a registry (Cargo and Poetry `path = ".."`, Bundler `path: ".."`, npm
    /// `file:..`): a folder that takes the repository's own package this way is a program
    /// built on it (a demo app, a fuzz or test harness), not part of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// A lock file: its packages are resolved, mostly transitive, never counted as choices.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Lockfile {
    /// Path relative to the analysed root.
    pub path: String,
    /// Ecosystem of the lock file (same names as [`Manifest::ecosystem`]).
    pub ecosystem: String,
    /// Number of packages it pins.
    pub packages: usize,
}

/// A framework recognised from a direct dependency.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Framework {
    /// Display name, e.g. "Spring Boot", "Django", "axum".
    pub name: String,
    /// Category: web, orm, test, messaging, rpc, cli, di, frontend.
    pub category: String,
    /// The dependency that revealed it.
    pub dependency: String,
    /// The manifest that declares that dependency.
    pub manifest: String,
}

/// A deployment or infrastructure descriptor.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct InfraFile {
    /// Path relative to the analysed root.
    pub path: String,
    /// dockerfile, compose, kubernetes, helm, terraform, serverless.
    pub kind: String,
    /// What it names: base images, compose services, Kubernetes kinds/names, Terraform providers, functions.
    pub items: Vec<String>,
    /// A compose file whose services all run published images (none is built from this
    /// repository): backing services for development and tests, not a deployment of this code.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub images_only: bool,
    /// Folders of the build context a Dockerfile copies in by name (`COPY ./backend …`),
    /// sorted: an image that packs the folders other images build deploys them as one.
    /// Left out of the report when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
    /// The stages a Dockerfile names (`FROM … AS deps`), sorted and lower-cased: an image
    /// built from another Dockerfile's stages (a bake target per hardware platform) is a
    /// variant of that image. Left out of the report when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<String>,
}

/// A CI pipeline definition.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct CiFile {
    /// Path relative to the analysed root.
    pub path: String,
    /// github-actions, gitlab-ci, circleci, jenkins, azure-pipelines, travis, bitbucket.
    pub system: String,
    /// Job (or stage) names, sorted.
    pub jobs: Vec<String>,
}

/// A schema or migration file.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Artifact {
    /// Path relative to the analysed root.
    pub path: String,
    /// proto, graphql, openapi, asyncapi, avro, sql, migration, view (a server-side template),
    /// di-config (dependency-injection container configuration) or manpage (a Unix manual
    /// page of the program).
    pub kind: String,
    /// What it declares: protobuf services, GraphQL root types.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub items: Vec<String>,
}

/// One architecture decision record.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Adr {
    /// Path relative to the analysed root.
    pub path: String,
    /// Sequence number from the file name, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Title, without the leading number.
    pub title: String,
    /// Status as written, lower-cased (proposed, accepted, rejected, deprecated, superseded, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Date as written (ISO dates are kept as they are).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Links to other records (supersedes, superseded by, amends…), as relative paths or URLs.
    pub links: Vec<String>,
    /// Layout recognised: adr-tools, madr, log4brains, or plain.
    pub layout: String,
}

mod adr;
mod artifacts;
mod ci;
mod frameworks;
mod infra;
mod lockfiles;
mod manifests;
mod statements;

use std::collections::HashSet;
use std::path::Path;

/// A file that could not be read as facts: reported, never fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct FactWarning {
    /// Path relative to the analysed root.
    pub path: String,
    /// What went wrong and how to get past it.
    pub message: String,
}

/// Largest file read for facts. Anything bigger is generated or vendored far more often
/// than written by hand, and reading it would dominate the run.
const MAX_FACT_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Lock files of large JavaScript monorepos run to tens of megabytes and are still
/// worth counting; only the package count is taken from them.
const MAX_LOCKFILE_BYTES: u64 = 64 * 1024 * 1024;

/// Appended to every parse failure so the reader knows both ways out.
const FIX_HINT: &str = "fix the syntax or add it to .archignore";

/// Reads manifests, lock files, deployment descriptors, CI files and ADRs among `files`
/// (paths relative to `root`, using '/' separators, already filtered by the walker).
///
/// Files that cannot be read or parsed become warnings; the rest is still collected.
/// Every list in the result is sorted, so the output only changes when the files do.
pub fn collect(root: &Path, files: &[String]) -> (ProjectFacts, Vec<FactWarning>) {
    let mut paths: Vec<&str> = files.iter().map(String::as_str).collect();
    paths.sort_unstable();
    paths.dedup();
    let index = FileIndex::new(&paths);

    let mut facts = ProjectFacts::default();
    let mut warnings = Vec::new();
    for path in paths {
        let Some(kind) = FileKind::of(path, &index) else {
            continue;
        };
        let limit = match kind {
            FileKind::Lockfile(_) => MAX_LOCKFILE_BYTES,
            _ => MAX_FACT_FILE_BYTES,
        };
        let text = match read_fact_file(root, path, limit) {
            Ok(Some(text)) => text,
            Ok(None) if kind.is_certain() => {
                warnings.push(FactWarning {
                    path: path.to_string(),
                    message: format!(
                        "larger than {} MB, not read for facts",
                        limit / (1024 * 1024)
                    ),
                });
                continue;
            }
            Err(message) if kind.is_certain() => {
                warnings.push(FactWarning {
                    path: path.to_string(),
                    message,
                });
                continue;
            }
            // A speculative YAML file that cannot be read is simply not Kubernetes for us.
            Ok(None) | Err(_) => continue,
        };
        let outcome = match kind {
            FileKind::Manifest(kind) => manifests::parse(kind, path, &text).map(|mut manifest| {
                if manifest.name.is_none() {
                    manifest.name = manifests::sibling_name(kind, path, &index, root);
                }
                manifests::check_programs(kind, path, &index, &mut manifest);
                manifests::resolve_catalog(kind, path, &index, root, &mut manifest);
                facts.manifests.push(manifest);
            }),
            FileKind::Lockfile(kind) => lockfiles::parse(kind, path, &text).map(|lockfile| {
                facts.lockfiles.push(lockfile);
            }),
            FileKind::Infra(kind) => infra::parse(kind, path, &text).map(|file| {
                facts.infrastructure.extend(file);
            }),
            FileKind::Ci(system) => ci::parse(system, path, &text).map(|file| {
                facts.ci.push(file);
            }),
            FileKind::Adr => {
                facts.adrs.push(adr::parse(
                    path,
                    &text,
                    adr::is_log4brains_dir(path, &index),
                ));
                Ok(())
            }
        };
        if let Err(message) = outcome {
            warnings.push(FactWarning {
                path: path.to_string(),
                message: format!("{message}; {FIX_HINT}"),
            });
        }
    }

    facts.frameworks = frameworks::detect(&facts.manifests);
    let all: Vec<&str> = files.iter().map(String::as_str).collect();
    facts.artifacts = artifacts::collect(root, &all);
    facts.summary = all
        .iter()
        .find(|p| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"))
        .and_then(|p| std::fs::read(root.join(p)).ok())
        .and_then(|bytes| readme_summary(&String::from_utf8_lossy(&bytes)));
    facts.statements = statements::collect(root, &all);
    facts.artifacts.sort_by(|a, b| a.path.cmp(&b.path));
    // Inputs were visited in path order already; sorting again states the contract.
    facts.manifests.sort_by(|a, b| a.path.cmp(&b.path));
    facts.lockfiles.sort_by(|a, b| a.path.cmp(&b.path));
    facts
        .infrastructure
        .sort_by(|a, b| (&a.path, &a.kind).cmp(&(&b.path, &b.kind)));
    facts.ci.sort_by(|a, b| a.path.cmp(&b.path));
    facts.adrs.sort_by(|a, b| a.path.cmp(&b.path));
    for statement in statements::from_decisions(&facts.adrs) {
        if !facts.statements.iter().any(|s| s.style == statement.style) {
            facts.statements.push(statement);
        }
    }
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    (facts, warnings)
}

/// What a path is, decided from its name and the other files around it.
#[derive(Debug, Clone, Copy)]
enum FileKind {
    Manifest(manifests::ManifestKind),
    Lockfile(lockfiles::LockKind),
    Infra(infra::InfraKind),
    Ci(ci::CiSystem),
    Adr,
}

impl FileKind {
    /// Classifies `path`; lock files and CI come before infrastructure so that, say,
    /// `pnpm-lock.yaml` or a workflow is never tried as a Kubernetes manifest.
    fn of(path: &str, index: &FileIndex) -> Option<Self> {
        if let Some(kind) = manifests::kind_of(path) {
            return Some(Self::Manifest(kind));
        }
        if let Some(kind) = lockfiles::kind_of(path) {
            return Some(Self::Lockfile(kind));
        }
        if let Some(system) = ci::kind_of(path) {
            return Some(Self::Ci(system));
        }
        if adr::is_adr(path) {
            return Some(Self::Adr);
        }
        infra::kind_of(path, index).map(Self::Infra)
    }

    /// Whether the name alone proves the file is meant as facts, so problems with it
    /// deserve a warning (a YAML file that might be Kubernetes does not).
    fn is_certain(self) -> bool {
        !matches!(self, Self::Infra(infra::InfraKind::Candidate))
    }
}

/// The file list, indexed for the few classifications that depend on neighbours.
struct FileIndex<'a> {
    files: HashSet<&'a str>,
    /// Directories holding a `Chart.yaml`; their `templates/` are Go templates, not YAML.
    chart_dirs: Vec<&'a str>,
}

impl<'a> FileIndex<'a> {
    fn new(paths: &[&'a str]) -> Self {
        let chart_dirs = paths
            .iter()
            .filter(|path| file_name(path) == "Chart.yaml")
            .map(|path| parent_dir(path))
            .collect();
        Self {
            files: paths.iter().copied().collect(),
            chart_dirs,
        }
    }

    fn contains(&self, path: &str) -> bool {
        self.files.contains(path)
    }

    /// Whether any file lies below the folder `dir` (a path without its trailing slash).
    fn any_below(&self, dir: &str, keep: impl Fn(&str) -> bool) -> bool {
        self.files.iter().any(|f| {
            f.strip_prefix(dir)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(&keep)
        })
    }
}

/// The first prose paragraph of a README: no headings, badges, images, HTML or code.
pub fn readme_summary(text: &str) -> Option<String> {
    let mut paragraph: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let skip = in_code
            || trimmed.starts_with('#')
            || trimmed.starts_with('<')
            || trimmed.starts_with("[![")
            || trimmed.starts_with("![")
            || trimmed.starts_with('=')
            || trimmed.starts_with("---")
            || trimmed.starts_with('|');
        if trimmed.is_empty() || skip {
            if !paragraph.is_empty() {
                break;
            }
            continue;
        }
        paragraph.push(trimmed);
    }
    let joined = paragraph.join(" ");
    if joined.chars().count() < 20 {
        return None;
    }
    Some(if joined.chars().count() > 400 {
        let mut cut: String = joined.chars().take(400).collect();
        cut.push('…');
        cut
    } else {
        joined
    })
}

/// Reads a file for facts: `Ok(None)` when it is too large to bother with.
fn read_fact_file(root: &Path, path: &str, limit: u64) -> Result<Option<String>, String> {
    let full = root.join(path);
    let metadata =
        std::fs::metadata(&full).map_err(|error| format!("cannot read for facts: {error}"))?;
    if metadata.len() > limit {
        return Ok(None);
    }
    let bytes = std::fs::read(&full).map_err(|error| format!("cannot read for facts: {error}"))?;
    let text = String::from_utf8_lossy(&bytes);
    // Windows tools like to start JSON and XML with a byte-order mark that parsers reject.
    Ok(Some(text.trim_start_matches('\u{feff}').to_string()))
}

/// The last segment of a '/'-separated path.
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Everything before the last '/', or "" for a file at the root.
fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `name` ends with one of `extensions` (each given with its dot), ignoring ASCII case.
fn has_extension(name: &str, extensions: &[&str]) -> bool {
    let lower = name.to_ascii_lowercase();
    extensions
        .iter()
        .any(|extension| lower.ends_with(extension))
}

/// Maps byte offsets to 1-based line numbers for parsers that only report offsets.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { starts }
    }

    fn line_of(&self, offset: usize) -> u32 {
        let line = self.starts.partition_point(|&start| start <= offset);
        u32::try_from(line).unwrap_or(u32::MAX)
    }
}

/// Converts a 0-based line index from `str::lines().enumerate()` into a 1-based line.
fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// A YAML scalar as text: keys and names are sometimes numbers or booleans.
fn yaml_scalar(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(text) => Some(text.clone()),
        serde_yaml::Value::Number(number) => Some(number.to_string()),
        serde_yaml::Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Sorts and removes duplicates, the normal form of every item list in the facts.
fn sorted_unique(mut items: Vec<String>) -> Vec<String> {
    items.sort();
    items.dedup();
    items
}

/// Writes `files` into a fresh directory and collects facts from it.
#[cfg(test)]
fn collect_from(files: &[(&str, &str)]) -> (ProjectFacts, Vec<FactWarning>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (path, content) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create test directory");
        }
        std::fs::write(&full, content).expect("write test file");
    }
    let paths: Vec<String> = files.iter().map(|(path, _)| path.to_string()).collect();
    collect(dir.path(), &paths)
}

#[cfg(test)]
mod tests {
    #[test]
    fn readme_summary_is_the_first_prose_paragraph() {
        let text = "# Shop\n\n[![ci](x)](y)\n\nShop sells things through a REST API\nbacked by PostgreSQL.\n\n## Install\n";
        assert_eq!(
            super::readme_summary(text).as_deref(),
            Some("Shop sells things through a REST API backed by PostgreSQL.")
        );
        assert_eq!(super::readme_summary("# Title\n\nshort\n"), None);
    }

    use super::*;

    #[test]
    fn line_index_maps_offsets_to_lines() {
        let index = LineIndex::new("a\nbc\n\nd");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(5), 3);
        assert_eq!(index.line_of(6), 4);
    }

    #[test]
    fn path_helpers_split_on_slashes() {
        assert_eq!(file_name("a/b/c.txt"), "c.txt");
        assert_eq!(file_name("c.txt"), "c.txt");
        assert_eq!(parent_dir("a/b/c.txt"), "a/b");
        assert_eq!(parent_dir("c.txt"), "");
    }

    #[test]
    fn unrelated_files_give_empty_facts() {
        let (facts, warnings) = collect_from(&[("src/main.rs", "fn main() {}")]);
        assert_eq!(facts, ProjectFacts::default());
        assert!(warnings.is_empty());
    }

    #[test]
    fn missing_file_is_a_warning() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let (facts, warnings) = collect(dir.path(), &["package.json".to_string()]);
        assert!(facts.manifests.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, "package.json");
    }

    #[test]
    fn oversized_manifest_is_skipped_with_a_warning() {
        let big = format!(
            "{{\"name\": \"x\", \"pad\": \"{}\"}}",
            "x".repeat(3 * 1024 * 1024)
        );
        let (facts, warnings) = collect_from(&[("package.json", &big)]);
        assert!(facts.manifests.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("larger than"));
    }
}
