//! Graph: resolved imports become a module dependency graph with cycles and metrics.
//!
//! A module is a directory of source files (`.` for the root): the unit that matches a
//! Go package, a Java/Kotlin package, a Python package, a C# or PHP namespace folder and
//! a Rust module directory alike, so one set of metrics reads the same in every language.
//! Edges count import statements; each keeps its import sites for rule checks.

mod resolve;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::parse::{FileFacts, TypeKind};
pub use resolve::Resolver;

/// The module dependency graph of a repository.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct ModuleGraph {
    /// Modules, sorted by id.
    pub modules: Vec<Module>,
    /// Dependency edges, sorted by (from, to).
    pub edges: Vec<Edge>,
    /// Strongly connected components with more than one module, each sorted, sorted by first module.
    pub cycles: Vec<Cycle>,
    /// Whole-graph numbers.
    pub metrics: GraphMetrics,
}

/// One module (a directory of source files).
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Module {
    /// Directory relative to the root, `.` for the root itself.
    pub id: String,
    /// Languages of its files, sorted.
    pub languages: Vec<String>,
    /// Source files directly in it.
    pub files: usize,
    /// Code lines in those files.
    pub code: u64,
    /// Declared types.
    pub types: usize,
    /// Of which interfaces and traits.
    pub abstract_types: usize,
    /// Imports that did not resolve to the repository (libraries, the standard library).
    pub external_imports: usize,
    /// Afferent coupling: modules that depend on this one.
    pub fan_in: usize,
    /// Efferent coupling: modules this one depends on.
    pub fan_out: usize,
    /// fan_out / (fan_in + fan_out); absent for a module with no edges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instability: Option<f64>,
    /// abstract_types / types; absent for a module without types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abstractness: Option<f64>,
}

/// `from` depends on `to`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Edge {
    /// Depending module.
    pub from: String,
    /// Module depended on.
    pub to: String,
    /// Import statements behind the edge.
    pub count: usize,
    /// Where the imports are (all of them, in file and line order).
    pub sites: Vec<ImportSite>,
}

/// One import statement behind an edge.
#[derive(
    Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
pub struct ImportSite {
    /// Importing file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// The import as written (normalised).
    pub import: String,
}

/// A dependency cycle: modules that all reach each other.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Cycle {
    /// Modules in the cycle, sorted.
    pub modules: Vec<String>,
}

/// Whole-graph numbers.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct GraphMetrics {
    /// Number of modules.
    pub modules: usize,
    /// Number of edges.
    pub edges: usize,
    /// Imports resolved to the repository's own modules (self-imports included).
    pub internal_imports: usize,
    /// Imports that point outside the repository.
    pub external_imports: usize,
    /// Number of cycles.
    pub cycles: usize,
    /// Modules that are part of some cycle.
    pub modules_in_cycles: usize,
    /// Mean fan-out over modules.
    pub mean_fan_out: f64,
}

/// The module a file belongs to: its directory.
pub fn module_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[..i],
        None => ".",
    }
}

/// Builds the graph from parsed files, resolving imports with `resolver`.
pub fn build(files: &[FileFacts], resolver: &Resolver) -> ModuleGraph {
    let mut modules: BTreeMap<String, Module> = BTreeMap::new();
    let mut langs: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut edges: BTreeMap<(String, String), Edge> = BTreeMap::new();
    let mut internal = 0;
    let mut external = 0;

    // Resolution is independent per import and dominates the stage: do it in parallel.
    let resolved: Vec<Vec<Vec<String>>> = files
        .par_iter()
        .map(|file| {
            file.imports
                .iter()
                .map(|import| resolver.resolve(file, import))
                .collect()
        })
        .collect();
    for (file, targets_per_import) in files.iter().zip(resolved) {
        let from = module_of(&file.path).to_string();
        let module = modules
            .entry(from.clone())
            .or_insert_with(|| empty_module(&from));
        module.files += 1;
        module.code += file.lines.code;
        module.types += file.types.len();
        module.abstract_types += file
            .types
            .iter()
            .filter(|t| matches!(t.kind, TypeKind::Interface | TypeKind::Trait))
            .count();
        langs
            .entry(from.clone())
            .or_default()
            .insert(file.language.clone());

        for (import, targets) in file.imports.iter().zip(targets_per_import) {
            if targets.is_empty() {
                external += 1;
                if let Some(m) = modules.get_mut(&from) {
                    m.external_imports += 1;
                }
                continue;
            }
            internal += 1;
            for to in targets {
                if to == from {
                    continue;
                }
                let edge = edges
                    .entry((from.clone(), to.clone()))
                    .or_insert_with(|| Edge {
                        from: from.clone(),
                        to: to.clone(),
                        count: 0,
                        sites: Vec::new(),
                    });
                edge.count += 1;
                edge.sites.push(ImportSite {
                    file: file.path.clone(),
                    line: import.line,
                    import: import.path.clone(),
                });
            }
        }
    }
    // A target directory always has files, but keep the graph closed even if it does not.
    for (_, to) in edges.keys() {
        if !modules.contains_key(to) {
            modules.insert(to.clone(), empty_module(to));
        }
    }
    for (id, module) in modules.iter_mut() {
        module.languages = langs
            .remove(id)
            .map(|s| s.into_iter().collect())
            .unwrap_or_default();
    }

    let mut edges: Vec<Edge> = edges.into_values().collect();
    for edge in &mut edges {
        edge.sites.sort();
        edge.sites.dedup();
    }
    for edge in &edges {
        if let Some(m) = modules.get_mut(&edge.from) {
            m.fan_out += 1;
        }
        if let Some(m) = modules.get_mut(&edge.to) {
            m.fan_in += 1;
        }
    }
    for module in modules.values_mut() {
        let coupling = module.fan_in + module.fan_out;
        module.instability = (coupling > 0).then(|| module.fan_out as f64 / coupling as f64);
        module.abstractness =
            (module.types > 0).then(|| module.abstract_types as f64 / module.types as f64);
    }
    let modules: Vec<Module> = modules.into_values().collect();
    let cycles = find_cycles(&modules, &edges);
    let metrics = GraphMetrics {
        modules: modules.len(),
        edges: edges.len(),
        internal_imports: internal,
        external_imports: external,
        cycles: cycles.len(),
        modules_in_cycles: cycles.iter().map(|c| c.modules.len()).sum(),
        mean_fan_out: if modules.is_empty() {
            0.0
        } else {
            round3(edges.len() as f64 / modules.len() as f64)
        },
    };
    ModuleGraph {
        modules,
        edges,
        cycles,
        metrics,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn empty_module(id: &str) -> Module {
    Module {
        id: id.to_string(),
        languages: Vec::new(),
        files: 0,
        code: 0,
        types: 0,
        abstract_types: 0,
        external_imports: 0,
        fan_in: 0,
        fan_out: 0,
        instability: None,
        abstractness: None,
    }
}

/// Tarjan's strongly connected components, iteratively (deep graphs must not overflow the stack).
fn find_cycles(modules: &[Module], edges: &[Edge]) -> Vec<Cycle> {
    let index_of: HashMap<&str, usize> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let n = modules.len();
    let mut adjacency = vec![Vec::new(); n];
    for edge in edges {
        if let (Some(&a), Some(&b)) = (
            index_of.get(edge.from.as_str()),
            index_of.get(edge.to.as_str()),
        ) {
            adjacency[a].push(b);
        }
    }
    const UNVISITED: usize = usize::MAX;
    let mut index = vec![UNVISITED; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut components = Vec::new();

    for start in 0..n {
        if index[start] != UNVISITED {
            continue;
        }
        // (node, position in its adjacency list)
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index[v] == UNVISITED {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = adjacency[v].get(*pos) {
                *pos += 1;
                if index[w] == UNVISITED {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(modules[w].id.clone());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    components.push(Cycle { modules: component });
                }
            }
        }
    }
    components.sort_by(|a, b| a.modules.cmp(&b.modules));
    components
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(id: &str) -> Module {
        empty_module(id)
    }

    fn edge(from: &str, to: &str) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            count: 1,
            sites: vec![],
        }
    }

    #[test]
    fn cycles_are_strongly_connected_components() {
        let modules: Vec<Module> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|m| module(m))
            .collect();
        let edges = vec![
            edge("a", "b"),
            edge("b", "c"),
            edge("c", "a"),
            edge("c", "d"),
            edge("d", "e"),
            edge("e", "d"),
        ];
        let cycles = find_cycles(&modules, &edges);
        assert_eq!(
            cycles,
            vec![
                Cycle {
                    modules: vec!["a".into(), "b".into(), "c".into()]
                },
                Cycle {
                    modules: vec!["d".into(), "e".into()]
                },
            ]
        );
    }

    #[test]
    fn acyclic_graphs_have_no_cycles() {
        let modules: Vec<Module> = ["a", "b", "c"].iter().map(|m| module(m)).collect();
        let edges = vec![edge("a", "b"), edge("b", "c"), edge("a", "c")];
        assert!(find_cycles(&modules, &edges).is_empty());
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let ids: Vec<String> = (0..50_000).map(|i| format!("m{i:05}")).collect();
        let modules: Vec<Module> = ids.iter().map(|m| module(m)).collect();
        let mut edges: Vec<Edge> = ids.windows(2).map(|w| edge(&w[0], &w[1])).collect();
        edges.push(edge(&ids[ids.len() - 1], &ids[0]));
        let cycles = find_cycles(&modules, &edges);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].modules.len(), 50_000);
    }

    #[test]
    fn module_is_the_directory() {
        assert_eq!(module_of("src/a/b.rs"), "src/a");
        assert_eq!(module_of("main.go"), ".");
    }
}
