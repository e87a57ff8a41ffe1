//! Import resolution: from what a file imports to the repository modules it depends on.
//!
//! One index is built per repository (files, directories, declared packages and
//! namespaces, crate roots, go.mod module paths, tsconfig `paths`, workspace packages,
//! composer PSR-4 prefixes); each language then resolves its imports with the rules of
//! its own toolchain, simplified to what matters for a module graph. An import that does
//! not land on a repository file is external and produces no edge.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::graph::module_of;
use crate::lang::{self, ImportStyle};
use crate::parse::{FileFacts, Import, ImportKind};

/// Resolves imports to module ids for one repository.
#[derive(Debug, Default)]
pub struct Resolver {
    files: HashSet<String>,
    /// Every directory with a source file somewhere below it.
    populated_dirs: HashSet<String>,
    /// Directories holding `.go` files directly.
    go_dirs: HashSet<String>,
    /// Rust crates: normalised crate name → crate root directory (where `lib.rs`/`main.rs` live).
    rust_crates: BTreeMap<String, String>,
    /// Directories holding a Cargo.toml, with the source root of that crate.
    rust_crate_dirs: Vec<(String, String)>,
    /// Python dotted module name → file.
    python_modules: HashMap<String, String>,
    /// go.mod module path → directory, longest path first.
    go_modules: Vec<(String, String)>,
    /// Package (Java/Kotlin), namespace (C#, PHP) → directories declaring it.
    namespaces: HashMap<String, Vec<String>>,
    /// tsconfig/jsconfig directory → its path mappings.
    ts_configs: BTreeMap<String, TsConfig>,
    /// npm workspace package name → its directory.
    js_packages: HashMap<String, String>,
    /// PSR-4 namespace prefix (with trailing `\`) → directories, longest prefix first.
    psr4: Vec<(String, Vec<String>)>,
    /// Directories searched for Ruby `require` paths.
    ruby_load_path: Vec<String>,
}

#[derive(Debug, Default, Clone)]
struct TsConfig {
    base_url: Option<String>,
    paths: Vec<(String, Vec<String>)>,
}

const JS_EXTENSIONS: &[&str] = &[
    "ts", "tsx", "d.ts", "js", "jsx", "mjs", "cjs", "mts", "cts", "vue", "svelte",
];

impl Resolver {
    /// Indexes the repository at `root`: `sources` are the parsed files, `all_files` every
    /// walked file (relative paths), used to find manifests and configuration.
    pub fn new(root: &Path, sources: &[FileFacts], all_files: &[String]) -> Self {
        let mut r = Resolver {
            files: sources.iter().map(|f| f.path.clone()).collect(),
            ..Resolver::default()
        };
        for file in sources {
            if file.language == "go" {
                r.go_dirs.insert(module_of(&file.path).to_string());
            }
            let mut dir = module_of(&file.path);
            while r.populated_dirs.insert(dir.to_string()) && dir != "." {
                dir = module_of(dir);
            }
        }
        r.index_rust(root, all_files);
        r.index_python(sources, all_files);
        r.index_go(root, all_files);
        r.index_namespaces(sources);
        r.index_js(root, all_files);
        r.index_php(root, all_files);
        r.index_ruby(sources);
        r
    }

    /// Modules that `import` (made in `file`) resolves to; empty when it is external.
    pub fn resolve(&self, file: &FileFacts, import: &Import) -> Vec<String> {
        let Some(spec) = lang::by_id(&file.language) else {
            return Vec::new();
        };
        let targets: Vec<String> = match spec.imports {
            ImportStyle::Rust => self.resolve_rust(&file.path, import).into_iter().collect(),
            ImportStyle::Python => self.resolve_python(&file.path, import),
            ImportStyle::JavaScript => self
                .resolve_js(&file.path, &import.path)
                .into_iter()
                .collect(),
            ImportStyle::Go => self.resolve_go(&import.path).into_iter().collect(),
            ImportStyle::JvmPackage => self.resolve_dotted(&import.path, '.'),
            ImportStyle::CSharp => self.resolve_dotted(&import.path, '.'),
            ImportStyle::Ruby => self.resolve_ruby(&file.path, import).into_iter().collect(),
            ImportStyle::Php => self.resolve_php(&file.path, import),
        };
        let mut modules: Vec<String> = targets
            .iter()
            .map(|t| {
                if self.files.contains(t) {
                    module_of(t).to_string()
                } else {
                    t.clone()
                }
            })
            .collect();
        modules.sort();
        modules.dedup();
        modules
    }

    fn file(&self, path: &str) -> Option<String> {
        self.files.contains(path).then(|| path.to_string())
    }

    // ---------- Rust ----------

    fn index_rust(&mut self, root: &Path, all_files: &[String]) {
        for manifest in all_files.iter().filter(|f| file_name(f) == "Cargo.toml") {
            let dir = module_of(manifest);
            let Some(text) = read_small(root, manifest) else {
                continue;
            };
            let Ok(value) = text.parse::<toml::Table>() else {
                continue;
            };
            let src = join(dir, "src");
            let lib_path = value
                .get("lib")
                .and_then(|l| l.get("path"))
                .and_then(|p| p.as_str())
                .map(|p| module_of(&join(dir, p)).to_string())
                .unwrap_or_else(|| src.clone());
            if let Some(name) = value
                .get("package")
                .and_then(|p| p.get("name"))
                .and_then(|n| n.as_str())
            {
                self.rust_crates
                    .insert(name.replace('-', "_"), lib_path.clone());
            }
            self.rust_crate_dirs.push((dir.to_string(), lib_path));
        }
        // Deepest crate first, so a nested crate wins over the workspace around it.
        self.rust_crate_dirs
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }

    fn rust_crate_root(&self, path: &str) -> Option<&str> {
        self.rust_crate_dirs
            .iter()
            .find(|(dir, _)| dir == "." || path.starts_with(&format!("{dir}/")))
            .map(|(_, src)| src.as_str())
    }

    /// The directory that holds the child modules of the module defined by `path`.
    fn rust_module_dir(path: &str) -> String {
        let dir = module_of(path);
        let name = file_name(path);
        if matches!(name, "mod.rs" | "lib.rs" | "main.rs") {
            dir.to_string()
        } else {
            join(dir, name.trim_end_matches(".rs"))
        }
    }

    fn rust_child(&self, dir: &str, name: &str) -> Option<String> {
        self.file(&join(dir, &format!("{name}.rs")))
            .or_else(|| self.file(&join(dir, &format!("{name}/mod.rs"))))
    }

    fn resolve_rust(&self, path: &str, import: &Import) -> Option<String> {
        if import.kind == ImportKind::ChildModule {
            return self.rust_child(&Self::rust_module_dir(path), &import.path);
        }
        let mut segments: Vec<&str> = import.path.split("::").filter(|s| !s.is_empty()).collect();
        if segments.is_empty() {
            return None;
        }
        let mut dir = match segments[0] {
            "crate" => {
                segments.remove(0);
                self.rust_crate_root(path)?.to_string()
            }
            "self" => {
                segments.remove(0);
                Self::rust_module_dir(path)
            }
            "super" => {
                let mut dir = Self::rust_module_dir(path);
                while segments.first() == Some(&"super") {
                    segments.remove(0);
                    dir = module_of(&dir).to_string();
                }
                dir
            }
            first => {
                if let Some(root) = self.rust_crates.get(first) {
                    segments.remove(0);
                    root.clone()
                } else {
                    // 2018 uniform paths: a child module named like the first segment.
                    let own = Self::rust_module_dir(path);
                    self.rust_child(&own, first)?;
                    own
                }
            }
        };
        let mut resolved = None;
        for segment in segments {
            match self.rust_child(&dir, segment) {
                Some(file) => {
                    resolved = Some(file);
                    dir = join(&dir, segment);
                }
                None => break,
            }
        }
        // `use crate::Type` (no module segment) lands on the crate root module.
        resolved.or_else(|| {
            ["lib.rs", "main.rs", "mod.rs"]
                .iter()
                .find_map(|f| self.file(&join(&dir, f)))
        })
    }

    // ---------- Python ----------

    fn index_python(&mut self, sources: &[FileFacts], all_files: &[String]) {
        let py: Vec<&str> = sources
            .iter()
            .filter(|f| f.language == "python")
            .map(|f| f.path.as_str())
            .collect();
        if py.is_empty() {
            return;
        }
        let packages: HashSet<&str> = py
            .iter()
            .filter(|p| file_name(p) == "__init__.py")
            .map(|p| module_of(p))
            .collect();
        // Source roots: the repository root, `src`-style folders, folders with a Python
        // project file, and the parent of every top-level package.
        let mut roots: HashSet<String> = HashSet::from([".".to_string()]);
        for pkg in &packages {
            let parent = module_of(pkg);
            if !packages.contains(parent) {
                roots.insert(parent.to_string());
            }
        }
        for f in all_files {
            let name = file_name(f);
            if matches!(name, "setup.py" | "pyproject.toml" | "setup.cfg") {
                roots.insert(module_of(f).to_string());
                roots.insert(join(module_of(f), "src"));
            }
        }
        let mut roots: Vec<String> = roots.into_iter().collect();
        // Deeper roots first so `src/pkg/x.py` is `pkg.x` rather than `src.pkg.x`.
        roots.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        for path in py {
            for root in &roots {
                let rel = if root == "." {
                    Some(path)
                } else {
                    path.strip_prefix(root.as_str())
                        .and_then(|r| r.strip_prefix('/'))
                };
                let Some(rel) = rel else { continue };
                let rel = rel.trim_end_matches(".pyi").trim_end_matches(".py");
                let rel = rel.strip_suffix("/__init__").unwrap_or(rel);
                if rel == "__init__" {
                    continue;
                }
                self.python_modules
                    .entry(rel.replace('/', "."))
                    .or_insert_with(|| path.to_string());
            }
        }
    }

    fn resolve_python(&self, path: &str, import: &Import) -> Vec<String> {
        let spec = import.path.as_str();
        let dots = spec.len() - spec.trim_start_matches('.').len();
        let rest = &spec[dots..];
        let mut found = Vec::new();
        if dots > 0 {
            let mut base = module_of(path).to_string();
            for _ in 1..dots {
                base = module_of(&base).to_string();
            }
            let base = if rest.is_empty() {
                base
            } else {
                join(&base, &rest.replace('.', "/"))
            };
            let lookup = |dir: &str| -> Option<String> {
                self.file(&format!("{dir}.py"))
                    .or_else(|| self.file(&format!("{dir}/__init__.py")))
            };
            for name in &import.names {
                if let Some(f) = lookup(&join(&base, &name.replace('.', "/"))) {
                    found.push(f);
                }
            }
            if found.is_empty() {
                found.extend(lookup(&base));
            }
            return found;
        }
        for name in &import.names {
            if let Some(f) = self.python_modules.get(&format!("{rest}.{name}")) {
                found.push(f.clone());
            }
        }
        if found.is_empty() {
            let mut candidate = rest;
            loop {
                if let Some(f) = self.python_modules.get(candidate) {
                    found.push(f.clone());
                    break;
                }
                match candidate.rfind('.') {
                    Some(i) => candidate = &candidate[..i],
                    None => break,
                }
            }
        }
        if found.is_empty() {
            // A script's own directory is first on sys.path: `import util` next to `util.py`.
            let sibling = join(module_of(path), &rest.replace('.', "/"));
            found.extend(
                self.file(&format!("{sibling}.py"))
                    .or_else(|| self.file(&format!("{sibling}/__init__.py"))),
            );
        }
        found
    }

    // ---------- Go ----------

    fn index_go(&mut self, root: &Path, all_files: &[String]) {
        for gomod in all_files.iter().filter(|f| file_name(f) == "go.mod") {
            let Some(text) = read_small(root, gomod) else {
                continue;
            };
            if let Some(module) = text
                .lines()
                .map(str::trim)
                .find_map(|l| l.strip_prefix("module "))
            {
                let module = module.trim().trim_matches('"').to_string();
                self.go_modules.push((module, module_of(gomod).to_string()));
            }
        }
        self.go_modules
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }

    fn resolve_go(&self, import: &str) -> Option<String> {
        let (module, dir) = self
            .go_modules
            .iter()
            .find(|(m, _)| import == m || import.starts_with(&format!("{m}/")))?;
        let sub = import[module.len()..].trim_start_matches('/');
        let target = if sub.is_empty() {
            dir.clone()
        } else {
            join(dir, sub)
        };
        // Only a directory that really holds Go files is a package of this repository.
        self.go_dirs.contains(&target).then_some(target)
    }

    // ---------- Java, Kotlin, C# ----------

    fn index_namespaces(&mut self, sources: &[FileFacts]) {
        for file in sources {
            if let Some(ns) = &file.module {
                if matches!(file.language.as_str(), "java" | "kotlin" | "csharp" | "php") {
                    let dirs = self.namespaces.entry(ns.clone()).or_default();
                    let dir = module_of(&file.path).to_string();
                    if !dirs.contains(&dir) {
                        dirs.push(dir);
                    }
                }
            }
        }
        for dirs in self.namespaces.values_mut() {
            dirs.sort();
        }
    }

    /// Fully qualified names: the longest prefix that is a declared package/namespace.
    /// When the last segment names a type, prefer the directory holding its file.
    fn resolve_dotted(&self, name: &str, sep: char) -> Vec<String> {
        let name = name.trim_end_matches(".*");
        let name = name
            .strip_suffix('*')
            .and_then(|n| n.strip_suffix(sep))
            .unwrap_or(name);
        let mut candidate = name;
        let mut type_name: Option<&str> = None;
        // One buffer for the candidate file paths: every import of a large Java or C#
        // codebase is looked up here.
        let mut path = String::new();
        loop {
            if let Some(dirs) = self.namespaces.get(candidate) {
                if let Some(t) = type_name {
                    let holding: Vec<String> = dirs
                        .iter()
                        .filter(|d| {
                            ["java", "kt", "cs", "php"].iter().any(|ext| {
                                path.clear();
                                push_below(&mut path, d);
                                path.push_str(t);
                                path.push('.');
                                path.push_str(ext);
                                self.files.contains(path.as_str())
                            })
                        })
                        .cloned()
                        .collect();
                    if !holding.is_empty() {
                        return holding;
                    }
                }
                return dirs.clone();
            }
            match candidate.rfind(sep) {
                Some(i) => {
                    type_name = Some(&candidate[i + 1..]);
                    candidate = &candidate[..i];
                }
                None => return Vec::new(),
            }
        }
    }

    // ---------- JavaScript / TypeScript ----------

    fn index_js(&mut self, root: &Path, all_files: &[String]) {
        for f in all_files {
            let name = file_name(f);
            if name == "tsconfig.json" || name == "jsconfig.json" {
                if let Some(cfg) = read_small(root, f).and_then(|t| parse_tsconfig(&t)) {
                    let dir = module_of(f).to_string();
                    // A jsconfig never overrides a tsconfig in the same folder.
                    if name == "tsconfig.json" || !self.ts_configs.contains_key(&dir) {
                        self.ts_configs.insert(dir, cfg);
                    }
                }
            } else if name == "package.json" {
                if let Some(text) = read_small(root, f) {
                    if let Ok(serde_json::Value::Object(obj)) = serde_json::from_str(&text) {
                        if let Some(pkg) = obj.get("name").and_then(|n| n.as_str()) {
                            self.js_packages
                                .insert(pkg.to_string(), module_of(f).to_string());
                        }
                    }
                }
            }
        }
    }

    fn js_file(&self, base: &str) -> Option<String> {
        if self.files.contains(base) {
            return Some(base.to_string());
        }
        // ESM TypeScript imports name the compiled `.js` file.
        let stem = base
            .strip_suffix(".js")
            .or_else(|| base.strip_suffix(".jsx"))
            .or_else(|| base.strip_suffix(".mjs"))
            .unwrap_or(base);
        for ext in JS_EXTENSIONS {
            if let Some(f) = self.file(&format!("{stem}.{ext}")) {
                return Some(f);
            }
        }
        for ext in JS_EXTENSIONS {
            if let Some(f) = self.file(&format!("{base}/index.{ext}")) {
                return Some(f);
            }
        }
        None
    }

    fn resolve_js(&self, path: &str, spec: &str) -> Option<String> {
        if spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".." {
            return self.js_file(&normalize(&join(module_of(path), spec))?);
        }
        // tsconfig/jsconfig of the nearest enclosing folder.
        let mut dir = module_of(path).to_string();
        loop {
            if let Some(cfg) = self.ts_configs.get(&dir) {
                for (pattern, targets) in &cfg.paths {
                    if let Some(matched) = match_ts_pattern(pattern, spec) {
                        for target in targets {
                            let base = cfg.base_url.as_deref().unwrap_or(".");
                            let candidate =
                                join(&join(&dir, base), &target.replacen('*', matched, 1));
                            if let Some(f) = normalize(&candidate).and_then(|c| self.js_file(&c)) {
                                return Some(f);
                            }
                        }
                    }
                }
                if let Some(base) = &cfg.base_url {
                    if let Some(f) =
                        normalize(&join(&join(&dir, base), spec)).and_then(|c| self.js_file(&c))
                    {
                        return Some(f);
                    }
                }
                break;
            }
            if dir == "." {
                break;
            }
            dir = module_of(&dir).to_string();
        }
        // Workspace packages: `@scope/name` or `name`, with an optional sub-path.
        let (name, sub) = split_package_specifier(spec);
        let pkg_dir = self.js_packages.get(name)?;
        let candidates: Vec<String> = if sub.is_empty() {
            vec![
                join(pkg_dir, "src/index"),
                join(pkg_dir, "index"),
                join(pkg_dir, "lib/index"),
            ]
        } else {
            vec![join(pkg_dir, sub), join(&join(pkg_dir, "src"), sub)]
        };
        candidates
            .iter()
            .find_map(|c| self.js_file(c))
            .or_else(|| Some(pkg_dir.clone()).filter(|d| self.populated_dirs.contains(d)))
    }

    // ---------- Ruby ----------

    fn index_ruby(&mut self, sources: &[FileFacts]) {
        let mut dirs: HashSet<String> = HashSet::from([".".to_string()]);
        for file in sources.iter().filter(|f| f.language == "ruby") {
            let mut dir = module_of(&file.path);
            loop {
                if matches!(file_name(dir), "lib" | "app") {
                    dirs.insert(dir.to_string());
                }
                if dir == "." {
                    break;
                }
                dir = module_of(dir);
            }
        }
        let mut dirs: Vec<String> = dirs.into_iter().collect();
        dirs.sort();
        self.ruby_load_path = dirs;
    }

    fn resolve_ruby(&self, path: &str, import: &Import) -> Option<String> {
        let spec = import.path.trim_end_matches(".rb");
        if import.kind == ImportKind::RelativeFile
            || spec.starts_with("./")
            || spec.starts_with("../")
        {
            return normalize(&join(module_of(path), spec))
                .and_then(|p| self.file(&format!("{p}.rb")));
        }
        self.ruby_load_path
            .iter()
            .find_map(|dir| self.file(&join(dir, &format!("{spec}.rb"))))
    }

    // ---------- PHP ----------

    fn index_php(&mut self, root: &Path, all_files: &[String]) {
        for f in all_files.iter().filter(|f| file_name(f) == "composer.json") {
            let Some(text) = read_small(root, f) else {
                continue;
            };
            let Ok(serde_json::Value::Object(obj)) = serde_json::from_str(&text) else {
                continue;
            };
            let dir = module_of(f);
            for section in ["autoload", "autoload-dev"] {
                let Some(map) = obj
                    .get(section)
                    .and_then(|a| a.get("psr-4"))
                    .and_then(|p| p.as_object())
                else {
                    continue;
                };
                for (prefix, paths) in map {
                    let paths: Vec<String> = match paths {
                        serde_json::Value::String(s) => vec![s.clone()],
                        serde_json::Value::Array(a) => a
                            .iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect(),
                        _ => continue,
                    };
                    let dirs = paths
                        .iter()
                        .filter_map(|p| normalize(&join(dir, p.trim_end_matches('/'))))
                        .collect();
                    self.psr4.push((prefix.clone(), dirs));
                }
            }
        }
        self.psr4
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }

    fn resolve_php(&self, path: &str, import: &Import) -> Vec<String> {
        if import.kind == ImportKind::RelativeFile {
            let spec = import.path.trim_start_matches('/');
            return normalize(&join(module_of(path), spec))
                .and_then(|p| self.file(&p))
                .or_else(|| self.file(spec))
                .into_iter()
                .collect();
        }
        let name = import.path.trim_start_matches('\\');
        for (prefix, dirs) in &self.psr4 {
            if let Some(rest) = name.strip_prefix(prefix.as_str()) {
                let rel = rest.replace('\\', "/");
                for dir in dirs {
                    if let Some(f) = self.file(&join(dir, &format!("{rel}.php"))) {
                        return vec![f];
                    }
                }
            }
        }
        self.resolve_dotted(name, '\\')
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Joins two `/`-separated relative paths, treating `.` as the root.
fn join(dir: &str, rest: &str) -> String {
    if !is_root(dir) && (rest.is_empty() || rest == ".") {
        return dir.to_string();
    }
    let mut out = String::with_capacity(dir.len() + 1 + rest.len());
    push_below(&mut out, dir);
    out.push_str(rest);
    out
}

/// Whether `dir` names the repository's root (`.` or nothing).
fn is_root(dir: &str) -> bool {
    dir == "." || dir.is_empty()
}

/// Starts a path below `dir` in `buf`: `dir/`, or nothing at the root.
fn push_below(buf: &mut String, dir: &str) {
    if !is_root(dir) {
        buf.push_str(dir);
        buf.push('/');
    }
}

/// Resolves `.` and `..`; `None` when the path climbs above the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

fn read_small(root: &Path, rel: &str) -> Option<String> {
    let path = root.join(rel);
    let meta = std::fs::metadata(&path).ok()?;
    if meta.len() > 1024 * 1024 {
        return None;
    }
    std::fs::read(&path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn split_package_specifier(spec: &str) -> (&str, &str) {
    let split_at = if spec.starts_with('@') {
        spec.match_indices('/').nth(1).map(|(i, _)| i)
    } else {
        spec.find('/')
    };
    match split_at {
        Some(i) => (&spec[..i], &spec[i + 1..]),
        None => (spec, ""),
    }
}

fn match_ts_pattern<'a>(pattern: &str, spec: &'a str) -> Option<&'a str> {
    match pattern.split_once('*') {
        Some((prefix, suffix)) => spec
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix)),
        None => (pattern == spec).then_some(""),
    }
}

/// tsconfig files are JSON with comments and trailing commas.
fn parse_tsconfig(text: &str) -> Option<TsConfig> {
    let value: serde_json::Value = serde_json::from_str(&strip_jsonc(text)).ok()?;
    let options = value.get("compilerOptions")?;
    let base_url = options
        .get("baseUrl")
        .and_then(|b| b.as_str())
        .map(String::from);
    let mut paths = Vec::new();
    if let Some(map) = options.get("paths").and_then(|p| p.as_object()) {
        for (pattern, targets) in map {
            let targets = targets
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|t| t.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            paths.push((pattern.clone(), targets));
        }
    }
    // The longest pattern prefix wins, as in TypeScript.
    paths.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    Some(TsConfig { base_url, paths })
}

/// Removes `//` and `/* */` comments outside strings, and trailing commas.
pub(crate) fn strip_jsonc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if chars.peek() == Some(&'/') => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for n in chars.by_ref() {
                    if prev == '*' && n == '/' {
                        break;
                    }
                    prev = n;
                }
            }
            _ => out.push(c),
        }
    }
    // Trailing commas before a closing bracket.
    let mut cleaned = String::with_capacity(out.len());
    let bytes: Vec<char> = out.chars().collect();
    for (i, c) in bytes.iter().enumerate() {
        if *c == ',' {
            let next = bytes[i + 1..].iter().find(|n| !n.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                continue;
            }
        }
        cleaned.push(*c);
    }
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::ImportKind;

    fn facts(path: &str, language: &str, module: Option<&str>) -> FileFacts {
        FileFacts {
            path: path.into(),
            language: language.into(),
            module: module.map(String::from),
            ..FileFacts::default()
        }
    }

    fn import(path: &str) -> Import {
        Import {
            path: path.into(),
            names: vec![],
            kind: ImportKind::Module,
            line: 1,
        }
    }

    fn resolver(sources: &[FileFacts], extra: &[(&str, &str)]) -> (tempfile::TempDir, Resolver) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut all: Vec<String> = sources.iter().map(|f| f.path.clone()).collect();
        for (path, content) in extra {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
            std::fs::write(full, content).expect("write");
            all.push(path.to_string());
        }
        let r = Resolver::new(dir.path(), sources, &all);
        (dir, r)
    }

    #[test]
    fn rust_mod_use_and_workspace_crates() {
        let sources = vec![
            facts("core/src/lib.rs", "rust", None),
            facts("core/src/domain/mod.rs", "rust", None),
            facts("core/src/domain/order.rs", "rust", None),
            facts("app/src/main.rs", "rust", None),
            facts("app/src/http.rs", "rust", None),
        ];
        let (_d, r) = resolver(
            &sources,
            &[
                ("core/Cargo.toml", "[package]\nname = \"shop-core\"\n"),
                ("app/Cargo.toml", "[package]\nname = \"app\"\n"),
            ],
        );
        let child = Import {
            kind: ImportKind::ChildModule,
            ..import("domain")
        };
        assert_eq!(r.resolve(&sources[0], &child), vec!["core/src/domain"]);
        assert_eq!(
            r.resolve(&sources[1], &import("crate::domain::order::Order")),
            vec!["core/src/domain"]
        );
        assert_eq!(
            r.resolve(&sources[4], &import("shop_core::domain::order::Order")),
            vec!["core/src/domain"]
        );
        assert_eq!(
            r.resolve(&sources[2], &import("super::super::Thing")),
            vec!["core/src"]
        );
        assert_eq!(
            r.resolve(&sources[3], &import("http::serve")),
            vec!["app/src"]
        );
        assert!(r
            .resolve(&sources[3], &import("serde::Serialize"))
            .is_empty());
    }

    #[test]
    fn python_absolute_relative_and_src_layout() {
        let sources = vec![
            facts("src/shop/__init__.py", "python", None),
            facts("src/shop/api/views.py", "python", None),
            facts("src/shop/api/__init__.py", "python", None),
            facts("src/shop/domain/__init__.py", "python", None),
            facts("src/shop/domain/models.py", "python", None),
        ];
        let (_d, r) = resolver(&sources, &[("pyproject.toml", "[project]\nname='shop'\n")]);
        assert_eq!(
            r.resolve(&sources[1], &import("shop.domain.models")),
            vec!["src/shop/domain"]
        );
        let from = Import {
            names: vec!["models".into()],
            ..import("..domain")
        };
        assert_eq!(r.resolve(&sources[1], &from), vec!["src/shop/domain"]);
        let from = Import {
            names: vec!["models".into()],
            ..import("shop.domain")
        };
        assert_eq!(r.resolve(&sources[1], &from), vec!["src/shop/domain"]);
        assert!(r.resolve(&sources[1], &import("os.path")).is_empty());
    }

    #[test]
    fn javascript_relative_tsconfig_paths_and_workspaces() {
        let sources = vec![
            facts("web/src/app/main.ts", "typescript", None),
            facts("web/src/lib/util.ts", "typescript", None),
            facts("web/src/lib/index.ts", "typescript", None),
            facts("packages/ui/src/index.tsx", "tsx", None),
        ];
        let (_d, r) = resolver(
            &sources,
            &[
                ("web/tsconfig.json", "{ // comment\n \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@lib/*\": [\"src/lib/*\"], }, } }"),
                ("packages/ui/package.json", "{\"name\": \"@acme/ui\"}"),
            ],
        );
        assert_eq!(
            r.resolve(&sources[0], &import("../lib/util.js")),
            vec!["web/src/lib"]
        );
        assert_eq!(
            r.resolve(&sources[0], &import("../lib")),
            vec!["web/src/lib"]
        );
        assert_eq!(
            r.resolve(&sources[0], &import("@lib/util")),
            vec!["web/src/lib"]
        );
        assert_eq!(
            r.resolve(&sources[0], &import("@acme/ui")),
            vec!["packages/ui/src"]
        );
        assert!(r.resolve(&sources[0], &import("react")).is_empty());
    }

    #[test]
    fn go_module_paths() {
        let sources = vec![
            facts("cmd/api/main.go", "go", Some("main")),
            facts("internal/store/store.go", "go", Some("store")),
        ];
        let (_d, r) = resolver(
            &sources,
            &[("go.mod", "module github.com/acme/shop\n\ngo 1.22\n")],
        );
        assert_eq!(
            r.resolve(&sources[0], &import("github.com/acme/shop/internal/store")),
            vec!["internal/store"]
        );
        assert!(r
            .resolve(
                &sources[0],
                &import("github.com/acme/shop/internal/missing")
            )
            .is_empty());
        assert!(r.resolve(&sources[0], &import("net/http")).is_empty());
    }

    #[test]
    fn java_kotlin_and_csharp_packages() {
        let sources = vec![
            facts(
                "src/main/java/com/acme/web/OrderController.java",
                "java",
                Some("com.acme.web"),
            ),
            facts(
                "src/main/java/com/acme/domain/Order.java",
                "java",
                Some("com.acme.domain"),
            ),
            facts(
                "src/main/kotlin/com/acme/infra/Repo.kt",
                "kotlin",
                Some("com.acme.infra"),
            ),
            facts(
                "Shop.Api/Controllers/OrdersController.cs",
                "csharp",
                Some("Shop.Api.Controllers"),
            ),
            facts("Shop.Domain/Order.cs", "csharp", Some("Shop.Domain")),
        ];
        let (_d, r) = resolver(&sources, &[]);
        assert_eq!(
            r.resolve(&sources[0], &import("com.acme.domain.Order")),
            vec!["src/main/java/com/acme/domain"]
        );
        assert_eq!(
            r.resolve(&sources[0], &import("com.acme.domain.*")),
            vec!["src/main/java/com/acme/domain"]
        );
        assert_eq!(
            r.resolve(&sources[0], &import("com.acme.infra.Repo")),
            vec!["src/main/kotlin/com/acme/infra"]
        );
        assert!(r
            .resolve(
                &sources[0],
                &import("org.springframework.web.bind.annotation.GetMapping")
            )
            .is_empty());
        assert_eq!(
            r.resolve(&sources[3], &import("Shop.Domain")),
            vec!["Shop.Domain"]
        );
        assert!(r.resolve(&sources[3], &import("System.Linq")).is_empty());
    }

    #[test]
    fn ruby_requires_and_php_psr4() {
        let sources = vec![
            facts("lib/shop.rb", "ruby", None),
            facts("lib/shop/order.rb", "ruby", None),
            facts("src/Http/OrderController.php", "php", Some("App\\Http")),
            facts("src/Domain/Order.php", "php", Some("App\\Domain")),
        ];
        let (_d, r) = resolver(
            &sources,
            &[(
                "composer.json",
                "{\"autoload\": {\"psr-4\": {\"App\\\\\": \"src/\"}}}",
            )],
        );
        assert_eq!(
            r.resolve(&sources[0], &import("shop/order")),
            vec!["lib/shop"]
        );
        let rel = Import {
            kind: ImportKind::RelativeFile,
            ..import("shop/order")
        };
        assert_eq!(r.resolve(&sources[0], &rel), vec!["lib/shop"]);
        assert!(r.resolve(&sources[0], &import("json")).is_empty());
        assert_eq!(
            r.resolve(&sources[2], &import("App\\Domain\\Order")),
            vec!["src/Domain"]
        );
        assert!(r
            .resolve(&sources[2], &import("Illuminate\\Support\\Str"))
            .is_empty());
    }

    #[test]
    fn jsonc_comments_and_trailing_commas_are_removed() {
        let text = "{\"a\": \"http://x\", /* c */ \"b\": [1,2,],}";
        let v: serde_json::Value = serde_json::from_str(&strip_jsonc(text)).expect("valid json");
        assert_eq!(v["a"], "http://x");
    }
}
