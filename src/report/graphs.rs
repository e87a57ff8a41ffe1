//! Module graphs as Graphviz DOT and Mermaid. Edges inside a cycle are drawn red.

use std::collections::HashSet;
use std::fmt::Write;

use crate::analysis::Analysis;

fn cycle_edges(a: &Analysis) -> HashSet<(&str, &str)> {
    let mut member: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, c) in a.cycles.iter().enumerate() {
        for m in &c.modules {
            member.insert(m.as_str(), i);
        }
    }
    a.edges
        .iter()
        .filter(|e| {
            matches!((member.get(e.from.as_str()), member.get(e.to.as_str())), (Some(x), Some(y)) if x == y)
        })
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect()
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Graphviz DOT.
pub fn dot(a: &Analysis) -> String {
    let cyclic = cycle_edges(a);
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&a.root));
    let _ = writeln!(
        out,
        "  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];"
    );
    for m in &a.modules {
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\\n{} files, {} code\"];",
            dot_escape(&m.id),
            dot_escape(&m.id),
            m.files,
            m.code
        );
    }
    for e in &a.edges {
        let color = if cyclic.contains(&(e.from.as_str(), e.to.as_str())) {
            ", color=red"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{}];",
            dot_escape(&e.from),
            dot_escape(&e.to),
            e.count,
            color
        );
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart. Node ids are positional because module paths are not valid ids.
pub fn mermaid(a: &Analysis) -> String {
    let cyclic = cycle_edges(a);
    let index: std::collections::HashMap<&str, usize> = a
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut out = String::from("graph LR\n");
    for (i, m) in a.modules.iter().enumerate() {
        let label = m.id.replace('"', "#quot;");
        let _ = writeln!(out, "  m{i}[\"{label}\"]");
    }
    let mut red = Vec::new();
    for (n, e) in a.edges.iter().enumerate() {
        if let (Some(f), Some(t)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) {
            let _ = writeln!(out, "  m{f} -->|{}| m{t}", e.count);
            if cyclic.contains(&(e.from.as_str(), e.to.as_str())) {
                red.push(n.to_string());
            }
        }
    }
    if !red.is_empty() {
        let _ = writeln!(out, "  linkStyle {} stroke:red", red.join(","));
    }
    out
}
