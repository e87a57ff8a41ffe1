//! The rule table (`rules.yaml`) and the matchers that evaluate it over an analysis.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;
use serde::Deserialize;

use super::{Evidence, FindingKind, Signal, EVIDENCE_PER_SIGNAL};
use crate::analysis::Analysis;
use crate::parse::{FileFacts, LiteralKind, TypeDecl, TypeKind};

/// The rules for one taxonomy id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Taxonomy id.
    pub id: String,
    /// Its kind.
    pub kind: FindingKind,
    /// Signals for and against it.
    pub signals: Vec<SignalRule>,
}

/// One weighted signal. (`deny_unknown_fields` does not combine with the flattened
/// matcher; `rules_load` checks every signal has exactly one matcher instead.)
#[derive(Debug, Deserialize)]
pub struct SignalRule {
    /// Positive for, negative against.
    pub weight: f64,
    /// What it means, for `--explain`.
    pub detail: String,
    /// Hits needed to fire.
    #[serde(default = "one")]
    pub min: usize,
    /// Restricts code matchers to these languages.
    #[serde(default)]
    pub languages: Vec<String>,
    /// For `artifact`: only artifacts that declare services / root types.
    #[serde(default)]
    pub items: bool,
    /// For `artifact`: only artifacts that list this item (a GraphQL schema's `input types`).
    #[serde(default)]
    pub item: Option<String>,
    /// Does not fire when an artifact of this kind exists.
    #[serde(default)]
    pub unless_artifact: Option<String>,
    /// Code matchers skip files importing any of these (prefixes, as for `import:`): a
    /// `Command` subclass in a file importing Symfony Console is a console command.
    #[serde(default)]
    pub unless_import: Vec<String>,
    /// Code matchers look only at files importing one of these (prefixes, as for `import:`):
    /// a `FlodeskClient` class in a file importing Faraday wraps a remote API for the
    /// application.
    #[serde(default)]
    pub with_import: Vec<String>,
    /// For `type_name` and `base`: types whose names match this regex are skipped
    /// (`HTTPResponse` in an HTTP library is its protocol model, not a boundary DTO).
    #[serde(default)]
    pub unless_name: Option<String>,
    /// Code matchers skip files whose path matches this regex (a `Repository` class under
    /// `Services/GitHub/` models a repository of the forge, not a data-access object).
    #[serde(default)]
    pub unless_path: Option<String>,
    /// For `type_name`: a class or struct counts only when its file also declares a function
    /// whose name matches this regex (a `Repository` class that only holds fields is a model
    /// of something else: a Maven repository, an exception). Interfaces and traits count
    /// anyway: their methods are declared apart from them in some languages.
    #[serde(default)]
    pub with_function: Option<String>,
    /// For `directory`: a folder counts only when one of its files declares a type whose
    /// name, or the last segment of one of whose bases, matches this regex (a `commands/` of
    /// `RegisterCustomer < Command` objects, not of a CLI's functions or an editor's
    /// document commands).
    #[serde(default)]
    pub holding: Option<String>,
    /// For `type_name`: a type counts only when its file also declares a chainable step (a
    /// method returning its receiver or its own type, [`crate::parse::Function::fluent`]): a
    /// `CsvFileBuilder` with one `BuildFile(records)` makes its product in one call, like a
    /// factory; a builder is assembled step by step.
    #[serde(default)]
    pub with_fluent: bool,
    /// For `type_name`: a type counts only when this many application types implement or
    /// extend it, and its file (or the type itself) declares three or more functions matching
    /// `with_function`, interfaces included: an abstraction is known by its variants and its
    /// operations (a `Datasource` with `save`/`get`/`delete` behind `Local` and `S3` is the
    /// app's storage repository; a `StorageAttributes` interface of value types is not).
    #[serde(default)]
    pub implemented: usize,
    /// For `function_name`: only functions declared on a type rather than its instances
    /// ([`crate::parse::Function::class_level`]) or free functions count: `Registry::instance()`
    /// hands out the shared one, an `Instance` property of each object is its data.
    #[serde(default)]
    pub class_level: bool,
    /// For `type_name`: types extending one of these (last name segment) are skipped: a
    /// `HatRequest` record of the ORM or a `BadInput` error is not a boundary DTO.
    #[serde(default)]
    pub unless_base: Vec<String>,
    /// For `annotation`: annotations whose argument is one of these are skipped
    /// (`[ResponseCache(NoStore = true)]` forbids caching).
    #[serde(default)]
    pub unless_argument: Vec<String>,
    /// The matcher (exactly one of the fields).
    #[serde(flatten)]
    pub matcher: Matcher,
}

fn one() -> usize {
    1
}

/// What a signal looks for. See the header of `rules.yaml`.
#[derive(Debug, Deserialize, Clone)]
#[serde(rename_all = "snake_case")]
pub enum Matcher {
    /// Direct, non-dev dependencies.
    Dependency(Vec<String>),
    /// Frameworks from project facts.
    Framework(Vec<String>),
    /// Import path prefixes.
    Import(Vec<String>),
    /// Imported names.
    ImportName(Vec<String>),
    /// Annotation names.
    Annotation(Vec<String>),
    /// Base types and implemented traits.
    Base(Vec<String>),
    /// Type names (regex), optionally of some kinds.
    TypeName(String),
    /// Function names (regex).
    FunctionName(String),
    /// What module-level and static instances hold (regex over the class or call, as
    /// written: `z.object`).
    Shared(String),
    /// Names of functions or methods called (exact).
    Call(Vec<String>),
    /// Lists that functions add their argument to, by the last word of the list's name
    /// (`listeners`, `callbacks`): subscription APIs written by hand.
    Subscription(Vec<String>),
    /// Directory names holding application code.
    Directory(Vec<String>),
    /// Globs over application files and artifacts.
    Path(Vec<String>),
    /// Artifact kinds.
    Artifact(Vec<String>),
    /// Literal kinds.
    Literal(LiteralKind),
    /// Words in deployment descriptor items.
    Infra(Vec<String>),
    /// Words in titles of rejected ADRs.
    AdrRejected(Vec<String>),
    /// Every sub-matcher must hit; the evidence is theirs together.
    All(Vec<SubMatcher>),
}

/// A matcher inside `all:`.
#[derive(Debug, Deserialize, Clone)]
pub struct SubMatcher {
    #[serde(flatten)]
    matcher: Matcher,
    /// How many hits this part needs (default 1).
    #[serde(default = "one")]
    min: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rules: Vec<RawRule>,
}

/// `type_kind` sits beside `type_name` (or `directory`) in the YAML; it is lifted out before
/// matching.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    kind: FindingKind,
    signals: Vec<serde_yaml::Value>,
}

/// A compiled signal: the rule plus its regexes and globs.
struct Compiled {
    rule: SignalRule,
    type_kinds: Vec<TypeKind>,
    regex: Option<Regex>,
    unless_name: Option<Regex>,
    unless_path: Option<Regex>,
    with_function: Option<Regex>,
    holding: Option<Regex>,
    globs: GlobSet,
    subs: Vec<CompiledSub>,
}

/// A compiled matcher of an `all:` list.
struct CompiledSub {
    matcher: Matcher,
    min: usize,
    regex: Option<Regex>,
    kinds: Vec<TypeKind>,
    globs: GlobSet,
}

struct CompiledRule {
    id: String,
    kind: FindingKind,
    signals: Vec<Compiled>,
}

/// Parses and compiles the embedded rule table.
/// The regular expression of a matcher written as one (type, function and shared-instance
/// names), compiled once when the rules load.
fn matcher_regex(matcher: &Matcher) -> Result<Option<Regex>, regex::Error> {
    match matcher {
        Matcher::TypeName(r) | Matcher::FunctionName(r) | Matcher::Shared(r) => {
            Regex::new(r).map(Some)
        }
        _ => Ok(None),
    }
}

fn load(text: &str) -> Result<Vec<CompiledRule>, String> {
    let file: RuleFile = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for raw in file.rules {
        let mut signals = Vec::new();
        for mut value in raw.signals {
            let type_kinds = take_type_kinds(&mut value)?;
            let subs_raw = value.get("all").cloned();
            let rule: SignalRule =
                serde_yaml::from_value(value).map_err(|e| format!("rule {}: {e}", raw.id))?;
            let regex =
                matcher_regex(&rule.matcher).map_err(|e| format!("rule {}: {e}", raw.id))?;
            // The modifiers that are regexes, compiled once; a bad one names its rule.
            let compile = |pattern: &Option<String>| {
                pattern
                    .as_deref()
                    .map(Regex::new)
                    .transpose()
                    .map_err(|e| format!("rule {}: {e}", raw.id))
            };
            let unless_name = compile(&rule.unless_name)?;
            let unless_path = compile(&rule.unless_path)?;
            let with_function = compile(&rule.with_function)?;
            let holding = compile(&rule.holding)?;
            if rule.implemented > 0
                && (!matches!(rule.matcher, Matcher::TypeName(_)) || with_function.is_none())
            {
                return Err(format!(
                    "rule {}: `implemented` qualifies a `type_name` matcher with `with_function`",
                    raw.id
                ));
            }
            if holding.is_some() && !matches!(rule.matcher, Matcher::Directory(_)) {
                return Err(format!(
                    "rule {}: `holding` qualifies a `directory` matcher only",
                    raw.id
                ));
            }
            let globs = path_globs(&rule.matcher).map_err(|e| format!("rule {}: {e}", raw.id))?;
            let mut subs = Vec::new();
            if let Some(serde_yaml::Value::Sequence(items)) = subs_raw {
                for mut item in items {
                    let kinds = take_type_kinds(&mut item)?;
                    // Serde's flattened matcher would ignore any other key: a modifier such
                    // as `unless_import` written inside a part must fail, not silently apply
                    // to nothing.
                    let extra: Vec<String> = item
                        .as_mapping()
                        .into_iter()
                        .flat_map(|m| m.keys())
                        .filter_map(|k| k.as_str())
                        .filter(|k| *k != "min")
                        .skip(1)
                        .map(str::to_string)
                        .collect();
                    if !extra.is_empty() {
                        return Err(format!(
                            "rule {}: a part of `all:` takes one matcher (and `min`, `type_kind`), not {}; write modifiers on the signal",
                            raw.id,
                            extra.join(", ")
                        ));
                    }
                    let sub: SubMatcher = serde_yaml::from_value(item)
                        .map_err(|e| format!("rule {}: {e}", raw.id))?;
                    let regex =
                        matcher_regex(&sub.matcher).map_err(|e| format!("rule {}: {e}", raw.id))?;
                    let globs =
                        path_globs(&sub.matcher).map_err(|e| format!("rule {}: {e}", raw.id))?;
                    subs.push(CompiledSub {
                        matcher: sub.matcher,
                        min: sub.min,
                        regex,
                        kinds,
                        globs,
                    });
                }
            }
            signals.push(Compiled {
                rule,
                type_kinds,
                regex,
                unless_name,
                unless_path,
                with_function,
                holding,
                globs,
                subs,
            });
        }
        out.push(CompiledRule {
            id: raw.id,
            kind: raw.kind,
            signals,
        });
    }
    Ok(out)
}

/// The compiled globs of a `path` matcher, as one set matched in a single pass (empty for
/// other matchers).
fn path_globs(matcher: &Matcher) -> Result<GlobSet, globset::Error> {
    let mut set = GlobSetBuilder::new();
    if let Matcher::Path(globs) = matcher {
        for g in globs {
            set.add(Glob::new(g)?);
        }
    }
    set.build()
}

fn take_type_kinds(value: &mut serde_yaml::Value) -> Result<Vec<TypeKind>, String> {
    let Some(map) = value.as_mapping_mut() else {
        return Err("a signal must be a mapping".into());
    };
    match map.remove("type_kind") {
        Some(v) => serde_yaml::from_value(v).map_err(|e| e.to_string()),
        None => Ok(Vec::new()),
    }
}

fn table() -> &'static [CompiledRule] {
    static TABLE: OnceLock<Vec<CompiledRule>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The table is part of the binary and `rules_load` below proves it valid.
        load(include_str!("rules.yaml")).unwrap_or_default()
    })
}

/// What the matchers look at, computed once per analysis.
pub struct Context<'a> {
    /// The analysis.
    pub analysis: &'a Analysis,
    /// Files that are the application's own code (not tests, examples or docs).
    pub app_files: Vec<&'a FileFacts>,
    /// Direct non-dev dependencies: (ecosystem, lower-case name, manifest, line).
    pub deps: Vec<(String, String, String, Option<u32>)>,
    /// Lower-case directory name → module paths holding application code below it.
    pub dirs: BTreeMap<String, BTreeSet<String>>,
    /// Go types that satisfy an application interface by their method set: file path →
    /// (type, interface, line). Go never declares what it implements.
    pub go_implementations: BTreeMap<&'a str, Vec<(&'a str, &'a str, u32)>>,
    /// Interfaces, traits and abstract base classes the application declares: name → file.
    pub interfaces: BTreeMap<&'a str, &'a str>,
    /// Names of every type the application declares.
    pub declared_types: BTreeSet<&'a str>,
    /// Every application type implementing one of those interfaces, found once for the
    /// detectors that read wiring (adapters, ports, composition roots, strategies).
    pub app_implementations: Vec<AppImplementation<'a>>,
    /// Creation code that chooses a class (factories, strategies), found once for the two
    /// ids that read it.
    pub chosen: std::sync::OnceLock<(Vec<super::Evidence>, Vec<super::Evidence>)>,
    /// Every import of the application's files as (path, file index in `app_files`, import
    /// index), sorted by path: import rules look their prefixes up instead of comparing
    /// every import of every file with every prefix.
    pub import_index: Vec<(&'a str, usize, usize)>,
    /// Imports that resolve to the repository somewhere: the app's own modules.
    pub internal_imports: BTreeSet<&'a str>,
    /// For each `unless_import` or `with_import` list asked about: which application files
    /// import one of its prefixes. Several signals share a list (the console libraries of
    /// `command`), and comparing every import of every file with it once is enough.
    importing_files: std::sync::Mutex<Vec<(Vec<String>, FileFlags)>>,
    /// Folders of programs built on the repository's own package ([`consumers_of_root`]).
    consumers: Vec<String>,
}

/// One flag per application file (by index in [`Context::app_files`]), shared between threads.
type FileFlags = std::sync::Arc<Vec<bool>>;

/// An application type implementing an interface the application declares.
#[derive(Debug, Clone, Copy)]
pub struct AppImplementation<'a> {
    /// The file declaring the implementing type.
    pub file: &'a FileFacts,
    /// The implementing type.
    pub ty: &'a str,
    /// The interface's simple name.
    pub interface: &'a str,
    /// The file declaring the interface.
    pub declared_in: &'a str,
    /// Line of the implementation.
    pub line: u32,
}

/// Folders of the checkout with a manifest that takes the repository's own root package
/// from the checkout (`gem "sidekiq", path: ".."`, `walkdir = { path = ".." }`,
/// `"knex": "file:.."`): programs built on the package, such as a demo Rails app, a
/// command-line example, a fuzz or type-test harness. Like `examples/`, they show how the
/// package is used, not how it is built. So do folders whose manifest builds a
/// documentation site (Docusaurus, VitePress).
pub fn consumers_of_root(analysis: &Analysis) -> Vec<String> {
    let manifests = &analysis.project.manifests;
    if !manifests.iter().any(|m| !m.path.contains('/')) {
        return Vec::new();
    }
    let mut out: Vec<String> = manifests
        .iter()
        .filter_map(|m| {
            let (folder, _) = m.path.rsplit_once('/')?;
            let built_on_root = m
                .dependencies
                .iter()
                .filter_map(|d| d.path.as_deref())
                .any(|path| resolves_to_root(folder, path));
            (built_on_root || builds_doc_site(m)).then(|| folder.to_string())
        })
        .collect();
    out.extend(detached_crates(manifests));
    out.sort();
    out.dedup();
    out
}

/// Whether a manifest builds a static documentation site: a `website/` built with Docusaurus,
/// or a root package.json that only runs VuePress beside a Python package (taskiq), is the
/// project's manual, not a React or Vue application the repository ships.
fn builds_doc_site(manifest: &crate::facts::Manifest) -> bool {
    const DOC_SITES: &[&str] = &[
        "@docusaurus/core",
        "vitepress",
        "vuepress",
        "@vuepress/core",
        "nextra",
        "@astrojs/starlight",
        "docsify",
        "docsify-cli",
    ];
    manifest
        .dependencies
        .iter()
        .any(|d| DOC_SITES.contains(&d.name.as_str()))
}

/// Folders of Cargo packages below a root package that declares no workspace and does not
/// depend on them, directly or through another of its path dependencies: Cargo builds the
/// root alone, so they are side programs (oha's `pgo/server`, the HTTP server its
/// profile-guided build loads), not part of the product.
fn detached_crates(manifests: &[crate::facts::Manifest]) -> Vec<String> {
    let Some(root) = manifests
        .iter()
        .find(|m| m.path == "Cargo.toml" && m.name.is_some() && m.workspace.is_none())
    else {
        return Vec::new();
    };
    let crates: BTreeMap<&str, &crate::facts::Manifest> = manifests
        .iter()
        .filter(|m| m.ecosystem == "cargo")
        .filter_map(|m| m.path.strip_suffix("/Cargo.toml").map(|folder| (folder, m)))
        .collect();
    // The packages the root builds: its path dependencies, and theirs.
    let mut built: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<(String, &crate::facts::Manifest)> = vec![(String::new(), root)];
    while let Some((folder, manifest)) = todo.pop() {
        for path in manifest
            .dependencies
            .iter()
            .filter_map(|d| d.path.as_deref())
        {
            let Some(target) = join_folder(&folder, path) else {
                continue;
            };
            if let Some(member) = crates.get(target.as_str()) {
                if built.insert(target.clone()) {
                    todo.push((target, member));
                }
            }
        }
    }
    crates
        .keys()
        .filter(|folder| !built.contains(**folder))
        .map(|folder| folder.to_string())
        .collect()
}

/// The folder `path` names, written in a manifest of `folder`; `None` above the root.
fn join_folder(folder: &str, path: &str) -> Option<String> {
    let mut at: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.trim_end_matches('/').split('/') {
        match part {
            "" | "." => {}
            ".." => {
                at.pop()?;
            }
            other => at.push(other),
        }
    }
    Some(at.join("/"))
}

/// Whether `path` is not the project's own: a test, an example, documentation, or a file of
/// a program built on the package (`consumers`).
fn outside_app(consumers: &[String], path: &str) -> bool {
    is_test_path(path) || is_example_path(path) || consumers.iter().any(|c| inside(path, c))
}

/// Whether `path` is outside the application's code and dependencies: [`outside_app`], or
/// the build's own tooling ([`build_tooling`]).
fn outside_code(consumers: &[String], path: &str) -> bool {
    outside_app(consumers, path) || build_tooling(path)
}

/// Code and manifests of the build itself at the top of the repository: a Dagger or Mage
/// pipeline in `build/` or `magefiles/` (its own go.mod pulls in gqlgen for Dagger's API),
/// Gradle's `buildSrc/`. What they import is the build's, not the application's; the
/// Dockerfiles and CI files Go projects keep in `build/package` and `build/ci` still deploy it.
fn build_tooling(path: &str) -> bool {
    path.split_once('/')
        .is_some_and(|(top, _)| matches!(top, "build" | "buildSrc" | "magefiles"))
}

/// The Composer packages the project requires (`laravel/framework`), lower-cased: a folder
/// path that spells one out is a copy of that package.
fn composer_packages(analysis: &Analysis) -> BTreeSet<String> {
    let manifests = analysis.project.manifests.iter();
    let own: BTreeSet<String> = manifests
        .clone()
        .filter_map(|m| m.name.as_deref())
        .map(str::to_ascii_lowercase)
        .collect();
    manifests
        .filter(|m| m.ecosystem == "composer")
        .flat_map(|m| &m.dependencies)
        .map(|d| d.name.to_ascii_lowercase())
        .filter(|name| name.contains('/') && !own.contains(name))
        .collect()
}

/// Whether `path` lies in a copy of a required package kept below some folder of the
/// repository (freescout's `overrides/laravel/framework/src/…`, patched copies of what
/// Composer installs into `vendor/laravel/framework`): someone else's code, like `vendor/`.
fn copies_package(packages: &BTreeSet<String>, path: &str) -> bool {
    if packages.is_empty() {
        return false;
    }
    let segments: Vec<String> = path.split('/').map(str::to_ascii_lowercase).collect();
    let folders = &segments[..segments.len().saturating_sub(1)];
    folders
        .windows(2)
        .skip(1)
        .any(|pair| packages.contains(&format!("{}/{}", pair[0], pair[1])))
}

/// The folder holding `path`: "" for a file at the root (a manifest's package folder, a Go
/// file's package).
pub(crate) fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Whether `path` lies below the folder `dir`.
fn inside(path: &str, dir: &str) -> bool {
    path.strip_prefix(dir)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether `path`, written in a manifest of `folder`, names the repository root.
fn resolves_to_root(folder: &str, path: &str) -> bool {
    join_folder(folder, path).is_some_and(|target| target.is_empty())
}

impl<'a> Context<'a> {
    /// Whether `path` is outside the project's own files: a test, an example, a document, or
    /// a program built on the package.
    pub fn outside_app(&self, path: &str) -> bool {
        outside_app(&self.consumers, path)
    }

    /// Whether `path` lies in a program built on the package ([`consumers_of_root`]).
    fn built_on(&self, path: &str) -> bool {
        self.consumers.iter().any(|c| inside(path, c))
    }

    /// Prepares the matchers' view of `analysis`.
    pub fn new(analysis: &'a Analysis) -> Self {
        // Migrations are schema scripts: their SQL and classes say nothing of the application.
        let migrations: BTreeSet<&str> = analysis
            .project
            .artifacts
            .iter()
            .filter(|a| a.kind == "migration")
            .map(|a| a.path.as_str())
            .collect();
        let consumers = consumers_of_root(analysis);
        let outside = |path: &str| outside_code(&consumers, path);
        let copied = composer_packages(analysis);
        let app_files: Vec<&FileFacts> = analysis
            .files
            .iter()
            .filter(|f| !outside(&f.path))
            .filter(|f| !migrations.contains(f.path.as_str()))
            .filter(|f| !copies_package(&copied, &f.path))
            .collect();
        let mut deps = Vec::new();
        for manifest in analysis
            .project
            .manifests
            .iter()
            .filter(|m| !outside(&m.path))
        {
            for dep in &manifest.dependencies {
                if matches!(dep.scope.as_str(), "dev" | "test") {
                    continue;
                }
                deps.push((
                    manifest.ecosystem.clone(),
                    dep.name.to_ascii_lowercase(),
                    manifest.path.clone(),
                    dep.line,
                ));
            }
        }
        let mut dirs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in &app_files {
            let mut prefix = String::new();
            let segments: Vec<&str> = file.path.split('/').collect();
            for segment in &segments[..segments.len().saturating_sub(1)] {
                if !prefix.is_empty() {
                    prefix.push('/');
                }
                prefix.push_str(segment);
                let lower = segment.to_ascii_lowercase();
                // .NET projects are folders like `Shop.Infrastructure`: index the role word too.
                if let Some((_, role)) = lower.rsplit_once('.') {
                    dirs.entry(role.to_string())
                        .or_default()
                        .insert(prefix.clone());
                }
                // Console commands of a framework (Laravel app/Console/Commands, Django
                // management/commands) are entry points, not command objects of a command
                // bus: they are indexed apart so `commands` rules do not see them.
                let parent = prefix
                    .rsplit('/')
                    .nth(1)
                    .map(str::to_ascii_lowercase)
                    .unwrap_or_default();
                let lower = if matches!(lower.as_str(), "commands" | "command")
                    && matches!(parent.as_str(), "console" | "management" | "cli")
                {
                    format!("console {lower}")
                } else if matches!(parent.as_str(), "plugins" | "extensions" | "addons") {
                    // A plugin is named for what it does: glances' plugins/ports watches
                    // network ports and plugins/core counts CPU cores; neither is a ring.
                    format!("plugin {lower}")
                } else {
                    lower
                };
                dirs.entry(lower).or_default().insert(prefix.clone());
            }
        }
        let go_implementations = go_implementations(&app_files);
        let interfaces = declared_interfaces(&app_files);
        let declared_types = app_files
            .iter()
            .flat_map(|f| f.types.iter().map(|t| t.name.as_str()))
            .collect();
        let mut context = Self {
            analysis,
            app_files,
            deps,
            dirs,
            go_implementations,
            interfaces,
            declared_types,
            app_implementations: Vec::new(),
            chosen: std::sync::OnceLock::new(),
            import_index: Vec::new(),
            importing_files: std::sync::Mutex::new(Vec::new()),
            consumers,
            internal_imports: analysis
                .edges
                .iter()
                .flat_map(|e| e.sites.iter().map(|s| s.import.as_str()))
                .collect(),
        };
        context.import_index = import_index(&context.app_files, &context.internal_imports);
        let mut found = Vec::new();
        for &file in &context.app_files {
            for (ty, base, line) in context.implemented_in(file) {
                let interface = simple_name(base).trim();
                if let Some(&declared_in) = context.interfaces.get(interface) {
                    found.push(AppImplementation {
                        file,
                        ty,
                        interface,
                        declared_in,
                        line,
                    });
                }
            }
        }
        context.app_implementations = found;
        context
    }

    /// What the types of `file` implement or extend, as (type, base as written, line):
    /// declared bases, implementations declared apart (Rust `impl T for S`, Ruby `include`),
    /// and Go method-set matches.
    pub(crate) fn implemented_in(&self, file: &'a FileFacts) -> Vec<(&'a str, &'a str, u32)> {
        let mut out: Vec<(&str, &str, u32)> = file
            .types
            .iter()
            .flat_map(|t| {
                t.bases
                    .iter()
                    .map(move |b| (t.name.as_str(), b.as_str(), t.line))
            })
            .chain(
                file.implementations
                    .iter()
                    .map(|i| (i.type_name.as_str(), i.trait_name.as_str(), i.line)),
            )
            .collect();
        if let Some(go) = self.go_implementations.get(file.path.as_str()) {
            out.extend(go.iter().copied());
        }
        out
    }

    /// Whether the manifest at `path` builds a documentation site ([`builds_doc_site`]): the
    /// front-end framework it declares renders the manual. At the root, where the folder
    /// cannot be set aside like a `website/`, only its frameworks are.
    pub fn doc_site(&self, path: &str) -> bool {
        self.analysis
            .project
            .manifests
            .iter()
            .any(|m| m.path == path && builds_doc_site(m))
    }

    /// Frameworks declared by the application's own manifests (not examples' or tests').
    pub fn frameworks(&self) -> impl Iterator<Item = &'a crate::facts::Framework> + '_ {
        self.analysis
            .project
            .frameworks
            .iter()
            .filter(move |f| !outside_code(&self.consumers, &f.manifest))
            .filter(move |f| !self.doc_site(&f.manifest))
    }

    /// Which application files (by index in `app_files`) import one of `prefixes`.
    fn importing(&self, prefixes: &[String]) -> FileFlags {
        let mut known = self
            .importing_files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, files)) = known.iter().find(|(list, _)| list == prefixes) {
            return files.clone();
        }
        let files: FileFlags = std::sync::Arc::new(
            self.app_files
                .iter()
                .map(|f| {
                    f.imports
                        .iter()
                        .any(|i| prefixes.iter().any(|p| import_matches(&i.path, p)))
                })
                .collect(),
        );
        known.push((prefixes.to_vec(), files.clone()));
        files
    }

    /// Whether the repository has application code in a directory named like one of `names`.
    pub fn has_dir(&self, names: &[&str]) -> Option<&BTreeSet<String>> {
        names
            .iter()
            .find_map(|n| self.dirs.get(&n.to_ascii_lowercase()))
    }
}

/// Whether `t`, declared in `file`, is an abstraction as the `implemented` modifier asks:
/// enough application types implement it, and it declares three operations matching
/// `with_function` (in its file, or as its own methods where a language lists them there).
fn implemented_abstraction(
    ctx: &Context<'_>,
    compiled: &Compiled,
    file: &FileFacts,
    t: &TypeDecl,
) -> bool {
    let Some(operation) = compiled.with_function.as_ref() else {
        return false;
    };
    let variants: BTreeSet<&str> = ctx
        .app_implementations
        .iter()
        .filter(|i| i.interface == t.name && i.declared_in == file.path)
        .map(|i| i.ty)
        .collect();
    if variants.len() < compiled.rule.implemented {
        return false;
    }
    let operations: BTreeSet<&str> = file
        .functions
        .iter()
        .map(|f| f.name.as_str())
        .chain(t.methods.iter().map(String::as_str))
        .filter(|name| operation.is_match(name))
        .collect();
    operations.len() >= 3
}

/// Interfaces, traits and abstract base classes (Python `ABC` / `Protocol` subclasses) the
/// application declares, by name.
fn declared_interfaces<'a>(files: &[&'a FileFacts]) -> BTreeMap<&'a str, &'a str> {
    let mut out = BTreeMap::new();
    // Classes extended by application classes in two or more other files: a base class
    // several variants specialise works as their interface.
    let mut classes: BTreeMap<&str, &str> = BTreeMap::new();
    for file in files {
        for t in &file.types {
            if t.kind == TypeKind::Class {
                classes.entry(t.name.as_str()).or_insert(file.path.as_str());
            }
        }
    }
    let mut extended_from: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for file in files {
        for t in &file.types {
            for b in &t.bases {
                let base = simple_name(b).trim();
                if classes.get(base).is_some_and(|p| *p != file.path.as_str()) && base != t.name {
                    extended_from
                        .entry(base)
                        .or_default()
                        .insert(file.path.as_str());
                }
            }
        }
    }
    for (base, from) in &extended_from {
        // Mixins, the roots every class of a Rails app derives from (`ApplicationMailer`),
        // and entities sharing a base (`Vet` and `Owner` of `Person`) share code, not a role.
        let root = base.ends_with("Mixin") || base.starts_with("Application") || {
            let module = crate::graph::module_of(classes[base]);
            super::styles::in_vocabulary(module, super::styles::DATA_FOLDERS)
                || super::styles::in_vocabulary(module, &["domain"])
        };
        if from.len() >= 2 && !root {
            out.insert(*base, classes[base]);
        }
    }
    for file in files {
        for t in &file.types {
            let abstract_class = t.kind == TypeKind::Class
                && t.bases.iter().any(|b| {
                    matches!(
                        b.as_str(),
                        "ABC" | "abc.ABC" | "Protocol" | "typing.Protocol"
                    )
                });
            // `BaseAuth`, `AbstractProxy`: abstract by convention in dynamically typed code
            // (Python, Ruby, JavaScript, PHP), where interfaces are optional or absent.
            let named_abstract = t.kind == TypeKind::Class
                && matches!(
                    file.language.as_str(),
                    "python" | "ruby" | "javascript" | "typescript" | "tsx" | "php"
                )
                && ["Base", "Abstract"].iter().any(|p| {
                    t.name
                        .strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
                });
            if matches!(t.kind, TypeKind::Interface | TypeKind::Trait)
                || abstract_class
                || named_abstract
            {
                out.insert(t.name.as_str(), file.path.as_str());
            }
        }
    }
    out
}

#[rustfmt::skip]
const GENERIC_METHODS: &[&str] = &[
    "String", "Error", "Close", "Read", "Write", "Run", "Start", "Stop", "Handle", "ServeHTTP",
    "Len", "Less", "Swap", "Do", "Execute", "Get", "Set", "Validate", "Name", "ID", "Key",
    "Value", "Equal", "Reset", "Init", "Next", "Unwrap", "Is", "Serve", "Wait", "Done",
    "MarshalJSON", "UnmarshalJSON", "Scan", "Type", "Kind", "Open", "Call", "Apply",
];

/// Go structs whose methods cover an application interface's, declared in another file
/// than the interface. A one-method interface counts only when its method is not one that
/// half the types of a program have (`String()`, `Close()`, `ServeHTTP()`).
fn go_implementations<'a>(
    files: &[&'a FileFacts],
) -> BTreeMap<&'a str, Vec<(&'a str, &'a str, u32)>> {
    let mut out: BTreeMap<&str, Vec<(&str, &str, u32)>> = BTreeMap::new();
    let go = || files.iter().filter(|f| f.language == "go");
    let interfaces: Vec<(&str, &crate::parse::TypeDecl)> = go()
        .flat_map(|f| f.types.iter().map(move |t| (f.path.as_str(), t)))
        .filter(|(_, t)| {
            t.kind == TypeKind::Interface
                && match t.methods.as_slice() {
                    [] => false,
                    [only] => !GENERIC_METHODS.contains(&only.as_str()),
                    _ => true,
                }
        })
        .collect();
    if interfaces.is_empty() {
        return out;
    }
    // Methods a file declares on types of its package declared elsewhere: a store's
    // hundred methods live in users.go, repos.go … beside the struct's own file. Facts
    // keep a method's name, not its receiver, so these count only toward large interfaces
    // (four methods or more), which a type matches by accident far less than a small one.
    let mut elsewhere: BTreeMap<&str, Vec<(&str, BTreeSet<&str>)>> = BTreeMap::new();
    for file in go() {
        let own: BTreeSet<&str> = file
            .types
            .iter()
            .flat_map(|t| t.methods.iter().map(String::as_str))
            .collect();
        let orphans: BTreeSet<&str> = file
            .functions
            .iter()
            .filter(|f| f.kind == crate::parse::FunctionKind::Method)
            .map(|f| f.name.as_str())
            .filter(|name| !own.contains(name))
            .collect();
        if !orphans.is_empty() {
            let dir = folder_of(&file.path);
            elsewhere
                .entry(dir)
                .or_default()
                .push((file.path.as_str(), orphans));
        }
    }
    for file in go() {
        let dir = folder_of(&file.path);
        let package_methods: BTreeSet<&str> = elsewhere
            .get(dir)
            .into_iter()
            .flatten()
            .filter(|(path, _)| *path != file.path)
            .flat_map(|(_, names)| names.iter().copied())
            .collect();
        for t in file.types.iter().filter(|t| t.kind == TypeKind::Struct) {
            if t.methods.is_empty() {
                continue;
            }
            let has = |m: &String, large: bool| {
                t.methods.binary_search(m).is_ok()
                    || (large && package_methods.contains(m.as_str()))
            };
            for (path, interface) in &interfaces {
                let large = interface.methods.len() >= 4;
                if *path != file.path && interface.methods.iter().all(|m| has(m, large)) {
                    out.entry(file.path.as_str()).or_default().push((
                        t.name.as_str(),
                        interface.name.as_str(),
                        t.line,
                    ));
                }
            }
        }
    }
    out
}

/// Test-data factories (factory_boy, polyfactory, Laravel model factories) are named as
/// factories but build fixtures for tests, wherever they live.
fn is_test_data_factory(t: &crate::parse::TypeDecl) -> bool {
    const BASES: &[&str] = &[
        "DjangoModelFactory",
        "SQLAlchemyModelFactory",
        "MongoEngineFactory",
        "ModelFactory",
        "factory.Factory",
        "factory.DictFactory",
        "Factory\\Factory",
        "Factories\\Factory",
    ];
    t.bases.iter().any(|b| {
        let b = b.trim_start_matches('\\');
        BASES.iter().any(|x| {
            b.strip_suffix(x)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(['.', '\\']))
        })
    })
}

/// Whether `infra` only starts development services: a compose file that runs published
/// images in a repository that builds no image of its own (a library's test servers). A
/// compose file of published images beside the project's own Dockerfiles runs the images
/// those build (go-kratos/beer-shop), so it still deploys the project.
pub(crate) fn dev_services_only(
    project: &crate::facts::ProjectFacts,
    infra: &crate::facts::InfraFile,
) -> bool {
    infra.images_only
        && !project
            .infrastructure
            .iter()
            .any(|i| i.kind == "dockerfile" && !is_test_path(&i.path) && !is_example_path(&i.path))
}

/// Whether `infra` deploys the application: not a test or example descriptor, not only
/// development services.
pub(crate) fn deploys(
    project: &crate::facts::ProjectFacts,
    infra: &crate::facts::InfraFile,
) -> bool {
    !is_test_path(&infra.path)
        && !is_example_path(&infra.path)
        && !dev_services_only(project, infra)
        // A dev container is the developers' machine, not where the program runs.
        && !infra
            .path
            .split('/')
            .any(|s| matches!(s, ".devcontainer" | "devcontainer"))
}

/// Files whose path says they are tests.
pub fn is_test_path(path: &str) -> bool {
    #[rustfmt::skip]
    const DIRS: &[&str] = &[
        "test", "tests", "__tests__", "spec", "specs", "testing", "testdata", "test_data",
        "fixtures", "e2e", "integration-tests", "integration-test", "integrationtests",
        "e2e-tests", "it", "__mocks__", "mocks", "testutil", "testutils", "test-utils",
        "playwright", "cypress", "unittests", "unit_tests", "unit-tests", "functionaltests",
        "functional_tests", "acceptancetests", "integration_tests",
        // .NET test host programs (`src/TestApp`), and hosts for trying the code by hand
        // (Ocelot's manual/Ocelot.ManualTest.csproj).
        "testapp", "testapps", "manual", "manualtest", "manualtests",
    ];
    #[rustfmt::skip]
    const SUFFIXES: &[&str] = &[
        "Test.java", "Tests.java", "IT.java", "Test.kt", "Tests.kt", "Tests.cs", "Test.cs",
        "Test.php",
        // Base test cases shipped beside the code (PHPUnit, JUnit, NUnit).
        "TestCase.php", "TestCase.java", "TestCase.kt", "TestCase.cs",
    ];
    let lower = path.to_ascii_lowercase();
    let mut segments: Vec<&str> = lower.split('/').collect();
    let name = segments.pop().unwrap_or("");
    // Helper packages for tests named as such (League's AdapterTestUtilities, Go's
    // internal/dbtestutil, Java's …TestSupport).
    const HELPER_SUFFIXES: &[&str] = &[
        "testutilities",
        "testutils",
        "testutil",
        "testhelpers",
        "testhelper",
        "testsupport",
        "testkit",
        "test_utils",
        "test_helpers",
        "test_support",
    ];
    if segments.iter().any(|s| {
        DIRS.contains(s)
            || s.ends_with(".tests")
            || s.ends_with(".test")
            // Helper projects of a test suite (`CliWrap.Tests.Dummy`, `Shop.Tests.Common`).
            || s.contains(".tests.")
            || s.contains(".test.")
            // .NET test projects named for their kind (`InvoiceService.UnitTests`,
            // `Shop.IntegrationTests`, `UITest`).
            || ["unittests", "integrationtests", "functionaltests", "acceptancetests", "uitests"]
                .iter()
                .any(|kind| s.ends_with(kind))
            || *s == "uitest"
            // Smoke-test programs (`Refit.NativeAotSmoke`, `smoke-tests`).
            || s.ends_with("smoke")
            || s.starts_with("smoke")
            || s.ends_with("smoketests")
            // Test modules of a multi-module build (`test-jpms`, `gson-tests`,
            // `test_max_level_features`).
            || s.starts_with("test-")
            || s.starts_with("test_")
            // Suites named for their kind (dynaconf's `tests_functional`, `tests-e2e`).
            || s.starts_with("tests_")
            || s.starts_with("tests-")
            // End-to-end suites named for their runner or their app (kafka-ui's
            // `e2e-playwright`, Nx's `web-e2e`).
            || s.starts_with("e2e-")
            || s.starts_with("e2e_")
            || s.ends_with("-e2e")
            || s.ends_with("_e2e")
            || s.ends_with("_tests")
            || s.ends_with("-test")
            || s.ends_with("-tests")
            || HELPER_SUFFIXES.iter().any(|h| s.ends_with(h))
    }) {
        return true;
    }
    // Seeders and model factories generate test data (Laravel, Rails).
    if lower.contains("database/factories/")
        || lower.contains("database/seeders/")
        || lower.contains("db/seeds/")
        || lower.ends_with("db/seeds.rb")
    {
        return true;
    }
    let original = path.rsplit('/').next().unwrap_or(path);
    name.ends_with("_test.go")
        || name.starts_with("test_") && name.ends_with(".py")
        || name.ends_with("_test.py")
        || name == "conftest.py"
        || name.contains(".test.")
        || name.contains(".spec.")
        // Storybook stories render components with sample data for their catalogue.
        || name.contains(".stories.")
        || name.contains(".story.")
        || name.ends_with("_spec.rb")
        || name.ends_with("_test.rb")
        || name.ends_with("_test.rs")
        // Rust test modules moved out of their file (`#[cfg(test)] mod tests;`).
        || name == "tests.rs"
        || name.ends_with("_tests.rs")
        || SUFFIXES.iter().any(|s| original.ends_with(s))
}

/// Folders of what a project shows rather than runs: examples, samples, demos, docs.
#[rustfmt::skip]
const SAMPLE_DIRS: &[&str] = &[
    "examples", "example", "samples", "sample", "demo", "demos", "docs", "doc", "_examples",
    "_example",
];

/// Folders of code about the project: benchmarks, scripts, tools, playgrounds.
#[rustfmt::skip]
const TOOLING_DIRS: &[&str] = &[
    "benches", "benchmark", "benchmarks", "bench", "scripts", "tools", "hack", ".github",
    "contrib", "sandbox", "playground", "performance", "profiling", "docs-src", "docs_src", "snippets", "dev",
];

/// Folders that hold a project's source (below them, folder names are packages).
const SOURCE_ROOTS: &[&str] = &[
    "src",
    "lib",
    "app",
    "internal",
    "pkg",
    "cmd",
    "source",
    "resources",
];

/// Whether a folder above the first source root is one of `names`, or is named as samples of
/// something (`xxl-job-executor-samples`, `spring-examples`).
fn above_source_root(dirs: &[&str], names: &[&str]) -> bool {
    const SUFFIXES: &[&str] = &[
        "-samples",
        "_samples",
        "-examples",
        "_examples",
        "-demo",
        "-demos",
    ];
    // Feign's example-github and example-wikipedia-with-springboot modules.
    const PREFIXES: &[&str] = &["example-", "example_", "examples-", "sample-", "samples-"];
    dirs.iter()
        .take_while(|s| !SOURCE_ROOTS.contains(s))
        .any(|s| {
            names.contains(s)
                || SUFFIXES.iter().any(|x| s.ends_with(x))
                || PREFIXES.iter().any(|p| s.starts_with(p))
        })
}

/// Whether a folder is a .NET project named for one of `roles` after its product's name
/// (`Quartz.Examples.AspNetCore`, `MediatR.Examples`, `Refit.Benchmarks`): a dotted name
/// whose later part says what the project is, wherever it sits (`src/` holds them all); or
/// a dotted name that leads with the role (`Sample.AspNetCore`).
fn dotted_project_role(folder: &str, roles: &[&str]) -> bool {
    folder.contains('.') && folder.split('.').any(|part| roles.contains(&part))
}

/// Dotted project names that make a .NET project an example or a demo.
const SAMPLE_PROJECTS: &[&str] = &["examples", "example", "samples", "sample", "demo", "demos"];

/// Files in examples, samples, demos or docs: what the project shows, not what it runs
/// ([`is_example_path`] also counts its scripts, tools and benchmarks).
pub fn is_sample_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let segments: Vec<&str> = lower.split('/').collect();
    let dirs = &segments[..segments.len().saturating_sub(1)];
    // Below a source root only the plural is unambiguous (see [`is_example_path`]).
    above_source_root(dirs, SAMPLE_DIRS)
        || dirs.iter().any(|s| dotted_project_role(s, SAMPLE_PROJECTS))
        || dirs
            .iter()
            .enumerate()
            .skip(1)
            .any(|(depth, s)| *s == "examples" && !jvm_namespace(&lower, dirs.len() - depth - 1))
}

/// Files of a project template that a generator copies into new projects (inversify's
/// tools/create-http/templates/base/prisma/migrations): the generated project's, not this one's.
fn in_project_template(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let segments: Vec<&str> = lower.split('/').collect();
    above_source_root(
        &segments[..segments.len().saturating_sub(1)],
        &["template", "templates"],
    )
}

/// Files in examples, samples, docs, benchmarks or scripts: code about the project, not of it.
///
/// Only folders above the first source root count: `examples/basic/src/main.rs` is an
/// example, `src/main/java/org/acme/samples/petclinic/Owner.java` is the application.
pub fn is_example_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let segments: Vec<&str> = lower.split('/').collect();
    let dirs = &segments[..segments.len().saturating_sub(1)];
    // JMH / BenchmarkDotNet classes (`ParseBenchmark.java`) measure the code; they are not it,
    // wherever they sit (gson keeps them in a `metrics` module with a `main`).
    let stem = path
        .rsplit('/')
        .next()
        .and_then(|name| name.split('.').next())
        .unwrap_or_default();
    // Python's are named in snake case (`benchmark_backends.py`, `bench_parse.py`); a Ruby
    // `benchmark_controller.rb` may be a feature of the product.
    let python_bench = lower.ends_with(".py") && {
        let stem = stem.to_ascii_lowercase();
        ["benchmark_", "bench_"].iter().any(|p| stem.starts_with(p))
            || ["_benchmark", "_benchmarks", "_bench"]
                .iter()
                .any(|s| stem.ends_with(s))
    };
    python_bench
        || stem.ends_with("Benchmark")
        || stem.ends_with("Benchmarks")
        || above_source_root(dirs, SAMPLE_DIRS)
        || above_source_root(dirs, TOOLING_DIRS)
        // Below a source root only the plural is unambiguous: `org/jsoup/examples` holds
        // example programs (Polly's `src/Snippets` the documentation's code), while
        // `com/example` and `samples/petclinic` name real packages.
        || dirs
            .iter()
            .enumerate()
            .skip(1)
            .any(|(depth, s)| {
                (matches!(*s, "examples" | "snippets" | "benchmarks")
                    && !jvm_namespace(&lower, dirs.len() - depth - 1))
                    // AutoMapper's `src/Benchmark`: below `src` a .NET folder is a project.
                    || (*s == "benchmark" && lower.ends_with(".cs"))
            })
        || dirs.iter().any(|s| {
            dotted_project_role(s, SAMPLE_PROJECTS)
                || dotted_project_role(s, &["benchmark", "benchmarks"])
        })
}

/// Whether a folder `below` levels above a JVM source file is a segment of its package name
/// rather than a folder of examples: example programs sit in `org/jsoup/examples/` or one
/// package below it, while `io/eventuate/examples/tram/ordersandcustomers/customers/domain`
/// is an organisation's namespace for a whole application.
fn jvm_namespace(lower_path: &str, below: usize) -> bool {
    below >= 2
        && [".java", ".kt", ".scala", ".groovy"]
            .iter()
            .any(|x| lower_path.ends_with(x))
}

/// Evaluates the table's signals for one id.
pub fn evaluate(ctx: &Context, kind: FindingKind, id: &str) -> Vec<Signal> {
    let Some(rule) = table().iter().find(|r| r.id == id && r.kind == kind) else {
        return Vec::new();
    };
    rule.signals
        .iter()
        .map(|compiled| {
            let mut hits = Hits::default();
            if compiled.subs.is_empty() {
                run(
                    ctx,
                    compiled,
                    (&compiled.rule.matcher, compiled.regex.as_ref()),
                    &compiled.type_kinds,
                    &compiled.globs,
                    &mut hits,
                );
            } else {
                // All sub-matchers must hit; the signal's hits are the smallest of theirs.
                let mut all = Vec::new();
                for s in &compiled.subs {
                    let mut sub = Hits::default();
                    let matcher = (&s.matcher, s.regex.as_ref());
                    run(ctx, compiled, matcher, &s.kinds, &s.globs, &mut sub);
                    // A part short of its own `min` does not hit at all.
                    if sub.count < s.min {
                        sub.count = 0;
                    }
                    all.push(sub);
                }
                let count = all.iter().map(|h| h.count).min().unwrap_or(0);
                hits.count = count;
                for sub in all {
                    hits.evidence.extend(sub.evidence.into_iter().take(2));
                }
            }
            let blocked = compiled.rule.unless_artifact.as_ref().is_some_and(|kind| {
                ctx.analysis
                    .project
                    .artifacts
                    .iter()
                    .any(|a| &a.kind == kind)
            });
            Signal {
                detail: compiled.rule.detail.clone(),
                weight: compiled.rule.weight,
                fired: hits.count >= compiled.rule.min && !blocked,
                hits: hits.count,
                evidence: hits.evidence,
            }
        })
        .collect()
}

#[derive(Default)]
struct Hits {
    count: usize,
    evidence: Vec<Evidence>,
}

impl Hits {
    /// Counts a hit; its evidence is only written while there is room for it (a large
    /// repository has thousands of hits per signal, and formatting them cost more than
    /// finding them).
    fn add(&mut self, evidence: impl FnOnce() -> Evidence) {
        self.count += 1;
        if self.evidence.len() < EVIDENCE_PER_SIGNAL {
            self.evidence.push(evidence());
        }
    }
}

pub(crate) use crate::parse::simple_name;

/// Every import of `files` as (path, file index, import index), sorted by path.
fn import_index<'a>(
    files: &[&'a FileFacts],
    internal: &BTreeSet<&str>,
) -> Vec<(&'a str, usize, usize)> {
    let mut index: Vec<(&str, usize, usize)> = files
        .iter()
        .enumerate()
        .flat_map(|(f, file)| {
            // A class of the file's own package (`com.beust.jcommander.FuzzyMap.IKey` in
            // `com.beust.jcommander`) resolves to no edge: the module imports itself.
            let own = file.module.as_deref().filter(|m| !m.is_empty());
            // A Rust `mod nats;` declares a file of the crate (starship's prompt module for
            // NATS), never the `nats` package, and so does a `use nats::…` beside it.
            let child_modules: Vec<&str> = file
                .imports
                .iter()
                .filter(|i| i.kind == crate::parse::ImportKind::ChildModule)
                .map(|i| i.path.as_str())
                .collect();
            file.imports
                .iter()
                .enumerate()
                .filter(move |(_, import)| {
                    import.kind != crate::parse::ImportKind::ChildModule
                        && !child_modules
                            .iter()
                            .any(|m| import.path.split("::").next() == Some(*m))
                })
                .filter(move |(_, import)| {
                    !own.is_some_and(|m| {
                        import
                            .path
                            .strip_prefix(m)
                            .is_some_and(|rest| rest.starts_with(['.', '\\']))
                    })
                })
                .map(move |(i, import)| (import.path.as_str(), f, i))
        })
        // Imports of the repository's own modules are not uses of a package: jcommander's
        // `com.beust.jcommander.internal.Lists` is the parser library itself, a Python app's
        // own `events` module is not the `events` package.
        .filter(|(path, _, _)| !internal.contains(path))
        .collect();
    index.sort_unstable();
    index
}

/// The imports (file index, import index; in file and source order) that match one of
/// `prefixes` (see [`import_matches`]), looked up in the sorted import index. A Python
/// `from django.db import models` also imports `django.db.models`.
fn imports_matching(
    index: &[(&str, usize, usize)],
    files: &[&FileFacts],
    prefixes: &[String],
) -> Vec<(usize, usize)> {
    let mut found = BTreeSet::new();
    for prefix in prefixes {
        let start = index.partition_point(|(path, _, _)| *path < prefix.as_str());
        for &(path, f, i) in &index[start..] {
            if !path.starts_with(prefix.as_str()) {
                break;
            }
            if import_matches(path, prefix) {
                found.insert((f, i));
            }
        }
        // Imports of a parent module whose imported names complete the prefix.
        for (cut, _) in prefix.match_indices('.') {
            let parent = &prefix[..cut];
            let start = index.partition_point(|(path, _, _)| *path < parent);
            for &(path, f, i) in index[start..].iter().take_while(|(p, _, _)| *p == parent) {
                let names = &files[f].imports[i].names;
                if names
                    .iter()
                    .any(|n| import_matches(&format!("{path}.{n}"), prefix))
                {
                    found.insert((f, i));
                }
            }
        }
    }
    found.into_iter().collect()
}

/// Whether `path` starts with `prefix` at a separator (`a.b` matches `a.b.c`, not `a.bc`).
pub(crate) fn import_matches(path: &str, prefix: &str) -> bool {
    path == prefix
        || (path.starts_with(prefix)
            && (prefix.ends_with(['.', '/', ':', '\\'])
                || path[prefix.len()..].starts_with(['.', '/', ':', '\\', '-'])))
}

fn dependency_matches(pattern: &str, ecosystem: &str, name: &str) -> bool {
    let (eco, pat) = match pattern.split_once(':') {
        Some((e, p))
            if matches!(
                e,
                "cargo"
                    | "npm"
                    | "go"
                    | "maven"
                    | "gradle"
                    | "python"
                    | "pipenv"
                    | "bundler"
                    | "nuget"
                    | "composer"
                    | "jvm"
                    | "py"
            ) =>
        {
            (Some(e), p)
        }
        _ => (None, pattern),
    };
    let eco_ok = match eco {
        None => true,
        Some("jvm") => matches!(ecosystem, "maven" | "gradle"),
        Some("py") => matches!(ecosystem, "python" | "pipenv"),
        Some(e) => e == ecosystem,
    };
    if !eco_ok {
        return false;
    }
    let pat = pat.to_ascii_lowercase();
    match pat.split_once('*') {
        Some((prefix, suffix)) => {
            name.starts_with(prefix)
                && name.ends_with(suffix)
                && name.len() >= prefix.len() + suffix.len()
        }
        None => name == pat,
    }
}

fn language_ok(compiled: &Compiled, file: &FileFacts) -> bool {
    compiled.rule.languages.is_empty()
        || compiled.rule.languages.iter().any(|l| l == &file.language)
}

fn run(
    ctx: &Context,
    compiled: &Compiled,
    (matcher, regex): (&Matcher, Option<&Regex>),
    type_kinds: &[TypeKind],
    globs: &GlobSet,
    hits: &mut Hits,
) {
    let unless = &compiled.rule.unless_import;
    let excluded = (!unless.is_empty()).then(|| ctx.importing(unless));
    let with = &compiled.rule.with_import;
    let required = (!with.is_empty()).then(|| ctx.importing(with));
    // `index` is the file's position in `app_files`.
    let file_ok = |index: usize, f: &FileFacts| {
        language_ok(compiled, f)
            && !excluded.as_ref().is_some_and(|e| e[index])
            && required.as_ref().is_none_or(|r| r[index])
            && !compiled
                .unless_path
                .as_ref()
                .is_some_and(|r| r.is_match(&f.path))
    };
    let files = ctx
        .app_files
        .iter()
        .enumerate()
        .filter(|(i, f)| file_ok(*i, f))
        .map(|(_, f)| f);
    match matcher {
        Matcher::Dependency(patterns) => {
            for (eco, name, manifest, line) in &ctx.deps {
                if patterns.iter().any(|p| dependency_matches(p, eco, name)) {
                    hits.add(|| Evidence::at(manifest, *line, format!("depends on {name}")));
                }
            }
        }
        Matcher::Framework(names) => {
            for fw in ctx.frameworks() {
                if names.iter().any(|n| n.eq_ignore_ascii_case(&fw.name)) {
                    let line = ctx
                        .deps
                        .iter()
                        .find(|(_, n, m, _)| {
                            m == &fw.manifest && n.eq_ignore_ascii_case(&fw.dependency)
                        })
                        .and_then(|(_, _, _, l)| *l);
                    hits.add(|| {
                        Evidence::at(
                            &fw.manifest,
                            line,
                            format!("{} ({}) via {}", fw.name, fw.category, fw.dependency),
                        )
                    });
                }
            }
        }
        Matcher::Import(prefixes) => {
            for (f, i) in imports_matching(&ctx.import_index, &ctx.app_files, prefixes) {
                let file = ctx.app_files[f];
                if !file_ok(f, file) {
                    continue;
                }
                let import = &file.imports[i];
                hits.add(|| {
                    Evidence::at(
                        &file.path,
                        Some(import.line),
                        format!("imports {}", import.path),
                    )
                });
            }
        }
        Matcher::ImportName(names) => {
            for file in files {
                for import in &file.imports {
                    let last = simple_name(&import.path);
                    if import.names.iter().any(|n| names.contains(n))
                        || names.iter().any(|n| n == last)
                    {
                        hits.add(|| {
                            Evidence::at(
                                &file.path,
                                Some(import.line),
                                format!("imports {} from {}", names.join("/"), import.path),
                            )
                        });
                    }
                }
            }
        }
        Matcher::Annotation(names) => {
            for file in files {
                for a in &file.annotations {
                    let simple = simple_name(&a.name);
                    let waived = a
                        .argument
                        .as_ref()
                        .is_some_and(|arg| compiled.rule.unless_argument.contains(arg));
                    if !waived && names.iter().any(|n| n == &a.name || n == simple) {
                        hits.add(|| Evidence::at(&file.path, Some(a.line), format!("@{}", a.name)));
                    }
                }
            }
        }
        Matcher::Base(names) => {
            let skipped = |name: &str| {
                compiled
                    .unless_name
                    .as_ref()
                    .is_some_and(|u| u.is_match(name))
            };
            for file in files {
                for t in file.types.iter().filter(|t| !skipped(&t.name)) {
                    for base in &t.bases {
                        if names.iter().any(|n| {
                            n == base.split('<').next().unwrap_or(base) || n == simple_name(base)
                        }) {
                            hits.add(|| {
                                Evidence::at(
                                    &file.path,
                                    Some(t.line),
                                    format!("{} extends {}", t.name, base),
                                )
                            });
                        }
                    }
                }
                for i in file
                    .implementations
                    .iter()
                    .filter(|i| !skipped(&i.type_name))
                {
                    if names.iter().any(|n| n == simple_name(&i.trait_name)) {
                        hits.add(|| {
                            Evidence::at(
                                &file.path,
                                Some(i.line),
                                format!("{} implements {}", i.type_name, i.trait_name),
                            )
                        });
                    }
                }
            }
        }
        Matcher::TypeName(_) => {
            let Some(re) = regex else { return };
            // Files declaring chainable steps, by their name and the names of their types: C#
            // writes a builder's steps as extension methods in a class of their own
            // (`EventBusBuilderExtensions.cs`, `partial class SpecificationBuilderExtensions`).
            let fluent_stems: Vec<&str> = if compiled.rule.with_fluent {
                ctx.app_files
                    .iter()
                    .filter(|f| f.functions.iter().any(|func| func.fluent))
                    .flat_map(|f| {
                        let name = f.path.rsplit('/').next().unwrap_or(&f.path);
                        let stem = name.split('.').next().unwrap_or(name);
                        std::iter::once(stem).chain(f.types.iter().map(|t| t.name.as_str()))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let stepped = |file: &FileFacts, t: &TypeDecl| {
                let name = t.name.strip_prefix('I').filter(|rest| {
                    t.kind == TypeKind::Interface
                        && rest.starts_with(|c: char| c.is_ascii_uppercase())
                });
                let name = name.unwrap_or(&t.name);
                // A bare `Builder` (nested in the class it builds) has only its own file.
                file.functions.iter().any(|f| f.fluent)
                    || (name != "Builder" && fluent_stems.iter().any(|stem| stem.contains(name)))
            };
            for file in files {
                // A file of test-data factories: its other factories subclass them (asked
                // only of factories: most files declare none).
                let fixtures = std::cell::OnceCell::new();
                for t in &file.types {
                    if (type_kinds.is_empty() || type_kinds.contains(&t.kind))
                        && re.is_match(&t.name)
                        && !compiled
                            .unless_name
                            .as_ref()
                            .is_some_and(|u| u.is_match(&t.name))
                        && !t.bases.iter().any(|b| {
                            let base = crate::parse::simple_name(b);
                            compiled.rule.unless_base.iter().any(|u| u == base)
                        })
                        && compiled.with_function.as_ref().is_none_or(|w| {
                            // An abstraction's operations are counted apart, with its own
                            // methods (a Go interface lists them only there).
                            compiled.rule.implemented > 0
                                || matches!(t.kind, TypeKind::Interface | TypeKind::Trait)
                                || file.functions.iter().any(|f| w.is_match(&f.name))
                        })
                        && (compiled.rule.implemented == 0
                            || implemented_abstraction(ctx, compiled, file, t))
                        && (!compiled.rule.with_fluent || stepped(file, t))
                        && !(t.name.ends_with("Factory")
                            && *fixtures
                                .get_or_init(|| file.types.iter().any(is_test_data_factory)))
                    {
                        hits.add(|| {
                            Evidence::at(
                                &file.path,
                                Some(t.line),
                                format!("{} {}", kind_name(t.kind), t.name),
                            )
                        });
                    }
                }
            }
        }
        Matcher::FunctionName(_) => {
            let Some(re) = regex else { return };
            for file in files {
                for f in &file.functions {
                    let declared_on_type =
                        f.class_level || f.kind == crate::parse::FunctionKind::Function;
                    if re.is_match(&f.name) && (!compiled.rule.class_level || declared_on_type) {
                        hits.add(|| {
                            Evidence::at(&file.path, Some(f.line), format!("function {}", f.name))
                        });
                    }
                }
            }
        }
        Matcher::Shared(_) => {
            let Some(re) = regex else { return };
            for file in files {
                for shared in &file.shared {
                    if let Some(m) = re.find(&shared.class) {
                        hits.add(|| {
                            Evidence::at(
                                &file.path,
                                Some(shared.line),
                                format!("{} = {}", shared.name, m.as_str()),
                            )
                        });
                    }
                }
            }
        }
        Matcher::Call(names) => {
            for file in files {
                for c in &file.calls {
                    if names.contains(&c.name) {
                        hits.add(|| {
                            Evidence::at(&file.path, Some(c.line), format!("calls {}", c.name))
                        });
                    }
                }
            }
        }
        Matcher::Subscription(words) => {
            for file in files {
                for s in &file.subscriptions {
                    let list = s.list.to_ascii_lowercase();
                    if words.iter().any(|w| list.ends_with(w.as_str())) {
                        let function = if s.function.is_empty() {
                            "a function".to_string()
                        } else {
                            format!("`{}`", s.function)
                        };
                        hits.add(|| {
                            Evidence::at(
                                &file.path,
                                Some(s.line),
                                format!("{function} adds its argument to `{}`", s.list),
                            )
                        });
                    }
                }
            }
        }
        Matcher::Directory(names) => {
            // With `unless_import` or `languages`, a folder counts only for the files it
            // holds that the signal may look at, and with `unless_import` not at all when
            // one of its files imports what the signal excludes: a `Command/` of Symfony
            // console commands is not a folder of command objects, though some of its
            // commands only extend the others.
            // With `type_kind`, only for the files declaring a type of those kinds (a
            // `Contracts/` of interfaces is not a folder of data contracts).
            // With `with_fluent`, only for files declaring two or more chainable steps (a
            // `Builder/` of classes whose setters return `$this`).
            let holding = compiled.holding.as_ref();
            let fluent = compiled.rule.with_fluent;
            let filtered = !unless.is_empty()
                || !with.is_empty()
                || !compiled.rule.languages.is_empty()
                || !type_kinds.is_empty()
                || holding.is_some()
                || fluent;
            let holds_eligible = |dir: &str| {
                let mut held = ctx
                    .app_files
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| inside(&f.path, dir));
                !filtered
                    || (!held
                        .clone()
                        .any(|(i, _)| excluded.as_ref().is_some_and(|e| e[i]))
                        && held.any(|(i, f)| {
                            file_ok(i, f)
                                && (type_kinds.is_empty()
                                    || f.types.iter().any(|t| type_kinds.contains(&t.kind)))
                                && (!fluent
                                    || f.functions.iter().filter(|func| func.fluent).count() >= 2)
                                && holding.is_none_or(|re| {
                                    f.types.iter().any(|t| {
                                        re.is_match(&t.name)
                                            || t.bases
                                                .iter()
                                                .any(|b| re.is_match(crate::parse::simple_name(b)))
                                    })
                                })
                        }))
            };
            // A folder inside a UI component library is a widget (shadcn's
            // components/ui/command is a command palette), not a part of the architecture.
            let widget = |dir: &str| {
                dir.split('/')
                    .rev()
                    .skip(1)
                    .any(|segment| segment.eq_ignore_ascii_case("components"))
            };
            // A `query/` folder inside the storage code is its query builder (traccar's
            // storage/query of conditions and orderings), not the read side of CQRS.
            let query_builder = |dir: &str| {
                let mut segments = dir.rsplit('/');
                let last = segments.next().unwrap_or(dir);
                let parent = segments.next().unwrap_or("");
                matches!(last.to_ascii_lowercase().as_str(), "query" | "queries")
                    && matches!(
                        parent.to_ascii_lowercase().as_str(),
                        "storage" | "db" | "database" | "persistence" | "dal" | "sql" | "orm"
                    )
            };
            let mut seen = BTreeSet::new();
            for name in names {
                if let Some(paths) = ctx.dirs.get(&name.to_ascii_lowercase()) {
                    for p in paths {
                        if !widget(p)
                            && !query_builder(p)
                            && holds_eligible(p)
                            && seen.insert(p.clone())
                        {
                            hits.add(|| {
                                Evidence::at(
                                    p,
                                    None,
                                    format!(
                                        "folder {} holds code",
                                        p.rsplit('/').next().unwrap_or(p)
                                    ),
                                )
                            });
                        }
                    }
                }
            }
        }
        Matcher::Path(_) => {
            let artifacts = ctx
                .analysis
                .project
                .artifacts
                .iter()
                .map(|a| a.path.as_str())
                .filter(|path| !ctx.built_on(path));
            for path in ctx
                .app_files
                .iter()
                .map(|f| f.path.as_str())
                .chain(artifacts)
            {
                if globs.is_match(path) {
                    hits.add(|| {
                        Evidence::at(path, None, "matches ".to_string() + &compiled.rule.detail)
                    });
                }
            }
        }
        Matcher::Artifact(kinds) => {
            for a in &ctx.analysis.project.artifacts {
                if kinds.contains(&a.kind)
                    && (!compiled.rule.items || !a.items.is_empty())
                    && compiled.rule.item.as_ref().is_none_or(|i| a.items.contains(i))
                    && !is_test_path(&a.path)
                    && !ctx.built_on(&a.path)
                    // Manual pages live in doc/ by convention; other schemas there are examples.
                    // A project's migrations are its schema history wherever its build keeps
                    // them (Reactive-Resume's tools/prisma/migrations); only samples and the
                    // project templates a generator copies out are not.
                    && (a.kind == "manpage"
                        || if a.kind == "migration" {
                            !is_sample_path(&a.path) && !in_project_template(&a.path)
                        } else {
                            !is_example_path(&a.path)
                        })
                {
                    let detail = if a.items.is_empty() {
                        format!("{} file", a.kind)
                    } else {
                        format!("{} file declaring {}", a.kind, a.items.join(", "))
                    };
                    hits.add(|| Evidence::at(&a.path, None, detail));
                }
            }
        }
        Matcher::Literal(kind) => {
            for file in files {
                // ORM query languages in annotations (JPQL `@Query`, `@NamedQuery`) are not raw SQL.
                let orm_query_lines: BTreeSet<u32> = file
                    .annotations
                    .iter()
                    .filter(|a| matches!(simple_name(&a.name), "Query" | "NamedQuery"))
                    .flat_map(|a| [a.line, a.line + 1])
                    .collect();
                for l in file
                    .literals
                    .iter()
                    .filter(|l| l.kind == *kind)
                    .filter(|l| l.kind != LiteralKind::Sql || !orm_query_lines.contains(&l.line))
                {
                    hits.add(|| Evidence::at(&file.path, Some(l.line), literal_detail(l)));
                }
            }
        }
        Matcher::Infra(words) => {
            for infra in &ctx.analysis.project.infrastructure {
                for item in &infra.items {
                    let lower = item.to_ascii_lowercase();
                    if words.iter().any(|w| lower.contains(w.as_str())) {
                        hits.add(|| {
                            Evidence::at(
                                &infra.path,
                                None,
                                format!("{} names {}", infra.kind, item),
                            )
                        });
                    }
                }
            }
        }
        Matcher::AdrRejected(words) => {
            for adr in &ctx.analysis.project.adrs {
                let rejected = adr.status.as_deref().is_some_and(|s| {
                    matches!(
                        s,
                        "rejected" | "deprecated" | "superseded" | "declined" | "withdrawn"
                    )
                });
                let title = adr.title.to_ascii_lowercase();
                if rejected
                    && words.iter().any(|w| {
                        title
                            .split(|c: char| !c.is_alphanumeric() && c != '/')
                            .any(|t| t == w)
                            || title.contains(&format!(" {w}"))
                    })
                {
                    hits.add(|| {
                        Evidence::at(
                            &adr.path,
                            None,
                            format!(
                                "ADR \"{}\" is {}",
                                adr.title,
                                adr.status.as_deref().unwrap_or("")
                            ),
                        )
                    });
                }
            }
        }
        Matcher::All(_) => {}
    }
}

fn kind_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Class => "class",
        TypeKind::Interface => "interface",
        TypeKind::Struct => "struct",
        TypeKind::Trait => "trait",
        TypeKind::Enum => "enum",
        TypeKind::Module => "module",
    }
}

fn literal_detail(l: &crate::parse::Literal) -> String {
    let what = match l.kind {
        LiteralKind::Route => "route",
        LiteralKind::Sql => "SQL",
        LiteralKind::SqlFragment => "SQL condition",
        LiteralKind::Topic => "topic",
    };
    match &l.context {
        Some(c) => format!("{what} {} ({c})", l.value),
        None => format!("{what} {}", l.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_a_root_package_neither_contains_nor_depends_on_are_detached() {
        let cargo =
            |path: &str, workspace: Option<Vec<String>>, paths: &[&str]| crate::facts::Manifest {
                path: path.to_string(),
                ecosystem: "cargo".to_string(),
                name: Some(path.to_string()),
                dependencies: paths
                    .iter()
                    .map(|p| crate::facts::Dependency {
                        scope: "runtime".to_string(),
                        name: p.rsplit('/').next().unwrap_or(p).to_string(),
                        version: None,
                        line: None,
                        path: Some(p.to_string()),
                    })
                    .collect(),
                ships: Vec::new(),
                workspace,
            };
        let manifests = [
            cargo("Cargo.toml", None, &["core"]),
            cargo("core/Cargo.toml", None, &["../macros"]),
            cargo("macros/Cargo.toml", None, &[]),
            cargo("pgo/server/Cargo.toml", None, &[]),
        ];
        assert_eq!(detached_crates(&manifests), ["pgo/server"]);
        // A workspace builds its members; which they are is Cargo's business.
        let mut workspace = manifests.clone();
        workspace[0].workspace = Some(vec!["pgo/server".to_string()]);
        assert!(detached_crates(&workspace).is_empty());
    }

    #[test]
    fn a_modifier_inside_a_part_of_all_is_an_error() {
        let text = r#"
rules:
  - id: cqrs
    kind: style
    signals:
      - { weight: 0.5, all: [{ type_name: '^X$', unless_import: [console] }, { type_name: '^Y$' }], detail: "d" }
"#;
        let err = load(text).err().expect("rejected");
        assert!(err.contains("unless_import"), "{err}");
        let ok = text.replace(", unless_import: [console] }", " }");
        assert!(load(&ok).is_ok());
    }

    #[test]
    fn implemented_needs_the_operations_it_counts() {
        let text = r#"
rules:
  - id: repository
    kind: design
    signals:
      - { weight: 0.5, type_name: 'Storage$', implemented: 2, detail: "d" }
"#;
        let err = load(text).err().expect("rejected");
        assert!(err.contains("implemented"), "{err}");
        let ok = text.replace("implemented: 2", "implemented: 2, with_function: '^get'");
        assert!(load(&ok).is_ok());
    }

    #[test]
    fn holding_qualifies_folders_only() {
        let text = r#"
rules:
  - id: command
    kind: design
    signals:
      - { weight: 0.5, type_name: '^X$', holding: 'Command$', detail: "d" }
"#;
        let err = load(text).err().expect("rejected");
        assert!(err.contains("holding"), "{err}");
        let ok = text.replace("type_name: '^X$'", "directory: [commands]");
        assert!(load(&ok).is_ok());
    }

    #[test]
    fn rules_load() {
        let rules = load(include_str!("rules.yaml")).expect("rules.yaml is valid");
        assert!(rules.len() >= 25);
        for rule in &rules {
            let known = super::super::TAXONOMY
                .iter()
                .any(|(k, ids)| *k == rule.kind && ids.contains(&rule.id.as_str()));
            assert!(
                known,
                "rule {} ({:?}) is not in the taxonomy",
                rule.id, rule.kind
            );
            for s in &rule.signals {
                assert!(
                    s.rule.weight != 0.0 && s.rule.weight.abs() <= 1.0,
                    "weight out of range in {}",
                    rule.id
                );
                if let Matcher::All(_) = s.rule.matcher {
                    assert!(s.subs.len() >= 2, "`all` needs two matchers in {}", rule.id);
                }
            }
        }
    }

    #[test]
    fn import_rules_find_their_prefixes_in_the_sorted_index() {
        let import = |path: &str, names: &[&str]| crate::parse::Import {
            path: path.to_string(),
            names: names.iter().map(|n| n.to_string()).collect(),
            kind: crate::parse::ImportKind::Module,
            line: 1,
        };
        let a = FileFacts {
            path: "a.py".into(),
            imports: vec![import("django.db", &["models"]), import("kafkaesque", &[])],
            ..FileFacts::default()
        };
        let b = FileFacts {
            path: "b.py".into(),
            imports: vec![import("kafka.consumer", &[]), import("os", &[])],
            ..FileFacts::default()
        };
        let own = FileFacts {
            path: "src/main/java/picocli/help/Usage.java".into(),
            module: Some("picocli.help".into()),
            imports: vec![
                import("picocli.help.Layout", &[]),
                import("picocli.CommandLine", &[]),
            ],
            ..FileFacts::default()
        };
        let files = vec![&a, &b, &own];
        // `picocli.CommandLine` resolved to a module of the repository.
        let internal: BTreeSet<&str> = ["picocli.CommandLine"].into_iter().collect();
        let index = import_index(&files, &internal);
        let find = |prefixes: &[&str]| {
            let prefixes: Vec<String> = prefixes.iter().map(|p| p.to_string()).collect();
            imports_matching(&index, &files, &prefixes)
        };
        // At a separator only: `kafkaesque` is not `kafka`.
        assert_eq!(find(&["kafka"]), vec![(1, 0)]);
        // `from django.db import models` imports `django.db.models`.
        assert_eq!(find(&["django.db.models"]), vec![(0, 0)]);
        assert_eq!(find(&["django", "os"]), vec![(0, 0), (1, 1)]);
        assert!(find(&["django.db.migrations"]).is_empty());
        // The repository's own package, imported from inside or resolved to a module, is
        // not a use of the package of that name.
        assert!(find(&["picocli"]).is_empty());
    }

    #[test]
    fn import_prefixes_match_at_separators() {
        assert!(import_matches("org.hibernate.Session", "org.hibernate"));
        assert!(import_matches("kafka", "kafka"));
        assert!(!import_matches("kafkaesque", "kafka"));
        assert!(import_matches(
            "github.com/gin-gonic/gin",
            "github.com/gin-gonic/gin"
        ));
        assert!(import_matches("diesel::prelude", "diesel"));
        assert!(!import_matches("flagship", "flag"));
    }

    #[test]
    fn dependency_patterns_respect_ecosystems() {
        assert!(dependency_matches("nuget:MediatR*", "nuget", "mediatr"));
        assert!(dependency_matches(
            "nuget:MediatR*",
            "nuget",
            "mediatr.extensions"
        ));
        assert!(!dependency_matches("bundler:rails", "npm", "rails"));
        assert!(dependency_matches("py:alembic", "pipenv", "alembic"));
        assert!(dependency_matches(
            "jvm:org.flywaydb:*",
            "gradle",
            "org.flywaydb:flyway-core"
        ));
    }

    #[test]
    fn tests_and_examples_are_recognised() {
        for p in [
            "src/test/java/a/BTest.java",
            "pkg/x_test.go",
            "tests/test_a.py",
            "web/a.spec.ts",
            "spec/models/order_spec.rb",
            "Shop.Tests/A.cs",
            "app/__tests__/x.js",
            "src/AdapterTestUtilities/ToxiproxyManagement.php",
            "internal/dbtestutil/db.go",
            "src/main/java/a/OrderTestSupport/Fixtures.java",
            "test-jpms/src/main/java/module-info.java",
            "gson-tests/src/A.java",
            "crates/webhooks/src/tests.rs",
            "src/parser_tests.rs",
            "libs/ui/src/lib/table/table.component.stories.ts",
            "db/seeds.rb",
            "src/Refit.NativeAotSmoke/Program.cs",
            "test_max_level_features/main.rs",
            "smoke-tests/run.py",
            "src/UnitTests/CollectionMapping.cs",
            "src/TestApp/Program.cs",
        ] {
            assert!(is_test_path(p), "{p}");
        }
        for p in [
            "src/main/java/a/Contest.java",
            "app/models/latest.rb",
            "internal/testimony/x.go",
        ] {
            assert!(!is_test_path(p), "{p}");
        }
        assert_eq!(
            join_folder("crates/cli", "../core").as_deref(),
            Some("crates/core")
        );
        assert_eq!(join_folder("", "./core/").as_deref(), Some("core"));
        assert_eq!(join_folder("", "../x"), None);
        assert!(resolves_to_root("myapp", ".."));
        assert!(resolves_to_root("fuzz", "../"));
        assert!(resolves_to_root("tests/types", "../.."));
        assert!(!resolves_to_root("crates/cli", "../core"));
        assert!(!resolves_to_root("myapp", "../.."));
        assert!(!resolves_to_root("myapp", "."));
        assert!(is_test_path(
            "src/InvoiceService.UnitTests/TestdataBuilders/CustomerBuilder.cs"
        ));
        assert!(is_test_path("src/UITest/PageModel/PitstopApp.cs"));
        assert!(!is_test_path("src/Shop.Testimonials/Review.cs"));
        assert!(is_test_path(
            "tests_functional/django_example/polls/models.py"
        ));
        let required: BTreeSet<String> = ["laravel/framework".to_string()].into();
        assert!(copies_package(
            &required,
            "overrides/laravel/framework/src/Illuminate/Database/Query/Builder.php"
        ));
        assert!(!copies_package(&required, "laravel/framework/src/Foo.php"));
        assert!(!copies_package(
            &required,
            "app/Http/Controllers/Laravel.php"
        ));
        assert!(is_test_path("e2e_tests/checkout.py"));
        assert!(is_test_path("e2e-playwright/src/steps/Ksqldb.steps.ts"));
        assert!(is_test_path("apps/web-e2e/src/app.cy.ts"));
        assert!(!is_test_path("src/testimonials/views.py"));
        assert!(!is_test_path("src/e2ee/keys.ts"));
        // Samples are the part of examples that excludes a project's tools and scripts.
        assert!(is_sample_path("examples/db/migrations/001_init.sql"));
        assert!(is_sample_path(
            "source/github/examples/migrations/1_users.up.sql"
        ));
        assert!(!is_sample_path(
            "tools/prisma/migrations/2024_init/migration.sql"
        ));
        assert!(!is_sample_path(
            "src/main/resources/samples/petclinic/db/migration/V1__init.sql"
        ));
        assert!(is_example_path("examples/basic/main.rs"));
        assert!(is_example_path(
            "extras/src/main/java/com/google/gson/extras/examples/rawcollections/Raw.java"
        ));
        assert!(!is_example_path(
            "svc/src/main/java/io/eventuate/examples/tram/orders/domain/OrderRepository.java"
        ));
        assert!(!is_sample_path(
            "svc/src/main/java/io/eventuate/examples/tram/orders/domain/OrderRepository.java"
        ));
        assert!(is_example_path("crates/core/examples/x.rs"));
        assert!(is_example_path("benchmark/server.ts"));
        assert!(is_example_path("python/benchmark_backends.py"));
        assert!(is_example_path("bench_parse.py"));
        assert!(!is_example_path("app/controllers/benchmark_controller.rb"));
        assert!(!is_example_path("benchmarks_app/models.py"));
        assert!(is_example_path("dev/update-examples-deps/main.go"));
        assert!(!is_example_path("src/dev/console.rs"));
        assert!(is_example_path(
            "src/benchmarks/Refit.Benchmarks/IGitHubService.cs"
        ));
        // .NET projects named for examples and benchmarks, wherever they sit.
        assert!(is_sample_path("src/Quartz.Examples.AspNetCore/Program.cs"));
        assert!(is_example_path("src/Quartz.Benchmark/SchedulerBench.cs"));
        assert!(!is_example_path("src/Quartz.Server/QuartzServer.cs"));
        assert!(!is_sample_path("examplecorp.app/main.py"));
        // Below `src` a .NET folder is a project; elsewhere `benchmark` may be the product.
        assert!(is_example_path("src/Benchmark/FlatteningMapper.cs"));
        assert!(!is_example_path("internal/benchmark/runner.go"));
        assert!(is_example_path(
            "metrics/src/main/java/com/google/gson/metrics/ParseBenchmark.java"
        ));
        assert!(!is_example_path(
            "src/main/java/com/acme/BenchmarkResult.java"
        ));
        assert!(!is_example_path(
            "src/main/java/org/acme/samples/petclinic/Owner.java"
        ));
        assert!(!is_example_path("src/examples.rs"));
        assert!(is_example_path(
            "src/main/java/org/jsoup/examples/ListLinks.java"
        ));
        assert!(!is_example_path(
            "src/main/java/com/example/demo/DemoApplication.java"
        ));
        assert!(is_example_path(
            "xxl-job-executor-samples/xxl-job-executor-sample-springboot/src/main/java/A.java"
        ));
    }

    fn go_file(path: &str, types: &[(&str, TypeKind, &[&str])]) -> FileFacts {
        FileFacts {
            path: path.to_string(),
            language: "go".to_string(),
            types: types
                .iter()
                .enumerate()
                .map(|(i, (name, kind, methods))| crate::parse::TypeDecl {
                    name: name.to_string(),
                    kind: *kind,
                    bases: Vec::new(),
                    line: i as u32 + 1,
                    methods: methods.iter().map(|m| m.to_string()).collect(),
                    fields: Vec::new(),
                })
                .collect(),
            ..FileFacts::default()
        }
    }

    #[test]
    fn base_classes_specialised_in_other_files_are_interfaces() {
        let file = |path: &str, classes: &[(&str, &str)]| FileFacts {
            path: path.to_string(),
            language: "ruby".to_string(),
            types: classes
                .iter()
                .map(|(name, base)| crate::parse::TypeDecl {
                    name: name.to_string(),
                    kind: TypeKind::Class,
                    bases: [base]
                        .iter()
                        .filter(|b| !b.is_empty())
                        .map(|b| b.to_string())
                        .collect(),
                    line: 1,
                    methods: Vec::new(),
                    fields: Vec::new(),
                })
                .collect(),
            ..FileFacts::default()
        };
        let files = [
            file(
                "lib/inspectors/inspector.rb",
                &[("Inspector", ""), ("Local", "Inspector")],
            ),
            file("lib/inspectors/rspamd.rb", &[("Rspamd", "Inspector")]),
            file("lib/inspectors/clamav.rb", &[("Clamav", "Inspector")]),
            file(
                "app/mailers/application_mailer.rb",
                &[("ApplicationMailer", "")],
            ),
            file(
                "app/mailers/user_mailer.rb",
                &[("UserMailer", "ApplicationMailer")],
            ),
            file(
                "app/mailers/admin_mailer.rb",
                &[("AdminMailer", "ApplicationMailer")],
            ),
            file("app/models/person.rb", &[("Person", "")]),
            file("app/controllers/vet.rb", &[("Vet", "Person")]),
            file("app/controllers/owner.rb", &[("Owner", "Person")]),
            file("lib/single.rb", &[("Single", "")]),
            file("lib/only_child.rb", &[("OnlyChild", "Single")]),
        ];
        let refs: Vec<&FileFacts> = files.iter().collect();
        let found = declared_interfaces(&refs);
        // Two variants in files of their own make a role; a root every mailer derives from,
        // a shared entity and a class with one subclass do not.
        assert_eq!(found.get("Inspector"), Some(&"lib/inspectors/inspector.rb"));
        assert!(!found.contains_key("ApplicationMailer"));
        assert!(!found.contains_key("Person"));
        assert!(!found.contains_key("Single"));
    }

    #[test]
    fn go_types_implement_interfaces_by_method_set() {
        let ports = go_file(
            "internal/repo/contracts.go",
            &[
                ("TranslationWebAPI", TypeKind::Interface, &["Translate"]),
                ("UserRepo", TypeKind::Interface, &["GetByID", "Store"]),
                ("Closer", TypeKind::Interface, &["Close"]),
            ],
        );
        let google = go_file(
            "internal/repo/webapi/google.go",
            &[("GoogleAPI", TypeKind::Struct, &["Close", "Translate"])],
        );
        let postgres = go_file(
            "internal/repo/persistent/user.go",
            &[
                ("Repo", TypeKind::Struct, &["GetByID", "Store", "getUser"]),
                ("Partial", TypeKind::Struct, &["Store"]),
            ],
        );
        let files = [&ports, &google, &postgres];
        let found = go_implementations(&files);
        // A lone `Close()` says nothing; a type missing one method implements nothing.
        assert_eq!(
            found.get("internal/repo/webapi/google.go"),
            Some(&vec![("GoogleAPI", "TranslationWebAPI", 1)])
        );
        assert_eq!(
            found.get("internal/repo/persistent/user.go"),
            Some(&vec![("Repo", "UserRepo", 1)])
        );
        assert!(!found.contains_key("internal/repo/contracts.go"));
    }

    #[test]
    fn test_data_factories_are_recognised_by_their_base() {
        let t = |name: &str, base: &str| crate::parse::TypeDecl {
            name: name.to_string(),
            kind: TypeKind::Class,
            bases: vec![base.to_string()],
            line: 1,
            methods: Vec::new(),
            fields: Vec::new(),
        };
        assert!(is_test_data_factory(&t(
            "UserFactory",
            "factory.django.DjangoModelFactory"
        )));
        assert!(is_test_data_factory(&t(
            "PostFactory",
            "\\Illuminate\\Database\\Eloquent\\Factories\\Factory"
        )));
        assert!(!is_test_data_factory(&t("ConnectionFactory", "Factory")));
        assert!(!is_test_data_factory(&t(
            "WidgetFactory",
            "AbstractFactory"
        )));
    }
}
