//! Evaluating rules over an analysis: violations with their rule, modules and import site.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ModuleGlob, Rules};
use crate::analysis::Analysis;
use crate::graph::{Edge, ImportSite};

/// Version of the check report's JSON.
pub const CHECK_SCHEMA_VERSION: &str = "1.0.0";

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Violation {
    /// Rule id: `layers`, `forbidden/<name>`, `allowed/<name>`, `no-cycles`, `required/<kind>:<id>`.
    pub rule: String,
    /// What is wrong, for a person.
    pub message: String,
    /// The depending module.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from: Option<String>,
    /// The module depended on.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<String>,
    /// The file with the import.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub file: Option<String>,
    /// 1-based line of the import.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<u32>,
    /// The import as written.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub import: Option<String>,
    /// Identity that survives line moves: rule, modules, file and import (not the line).
    pub fingerprint: String,
}

/// The result of `arch analyze --check`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CheckReport {
    /// Version of this document's schema.
    pub schema_version: String,
    /// Name of the analysed root directory.
    pub root: String,
    /// The file the rules came from.
    pub rules_file: String,
    /// Every rule checked, by id.
    pub rules: Vec<String>,
    /// Violations to act on, sorted by file, line, rule.
    pub violations: Vec<Violation>,
    /// Counts.
    pub summary: CheckSummary,
}

/// Counts of a check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct CheckSummary {
    /// Violations reported (new ones when a baseline is used).
    pub violations: usize,
    /// Violations found but already in the baseline.
    pub baselined: usize,
    /// Violations left out because their module was not touched since `--changed-since`.
    pub unchanged: usize,
}

/// FNV-1a, 64 bits: stable across platforms and releases, unlike `DefaultHasher`.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn site_violation(rule: &str, message: String, edge: &Edge, site: &ImportSite) -> Violation {
    Violation {
        fingerprint: fingerprint(&[rule, &edge.from, &edge.to, &site.file, &site.import]),
        rule: rule.to_string(),
        message,
        from: Some(edge.from.clone()),
        to: Some(edge.to.clone()),
        file: Some(site.file.clone()),
        line: Some(site.line),
        import: Some(site.import.clone()),
    }
}

fn layer_index(layers: &[(String, Vec<ModuleGlob>)], module: &str) -> Option<usize> {
    layers
        .iter()
        .position(|(_, globs)| globs.iter().any(|g| g.is_match(module)))
}

/// Every violation of `rules` in `analysis`, before baselines and change filters.
pub fn violations(analysis: &Analysis, rules: &Rules) -> Vec<Violation> {
    let mut out = Vec::new();
    for edge in &analysis.edges {
        if let (Some(from), Some(to)) = (
            layer_index(&rules.layers, &edge.from),
            layer_index(&rules.layers, &edge.to),
        ) {
            if to < from {
                let message = format!(
                    "layer `{}` ({}) must not depend on the layer above it, `{}` ({})",
                    rules.layers[from].0, edge.from, rules.layers[to].0, edge.to
                );
                for site in &edge.sites {
                    out.push(site_violation("layers", message.clone(), edge, site));
                }
            }
        }
        for rule in &rules.forbidden {
            let exempt = rule.unless.as_ref().is_some_and(|u| u.is_match(&edge.from));
            if rule.from.is_match(&edge.from) && rule.to.is_match(&edge.to) && !exempt {
                let id = format!("forbidden/{}", rule.name);
                let text = rule.message.clone().unwrap_or_else(|| {
                    format!(
                        "{} must not depend on {} ({} → {})",
                        edge.from, edge.to, rule.from.pattern, rule.to.pattern
                    )
                });
                for site in &edge.sites {
                    out.push(site_violation(&id, text.clone(), edge, site));
                }
            }
        }
        for rule in &rules.allowed {
            if rule.from.is_match(&edge.from) && !rule.to.iter().any(|g| g.is_match(&edge.to)) {
                let id = format!("allowed/{}", rule.name);
                let patterns: Vec<&str> = rule.to.iter().map(|g| g.pattern.as_str()).collect();
                let text = rule.message.clone().unwrap_or_else(|| {
                    format!(
                        "{} may depend only on {}, not on {}",
                        edge.from,
                        patterns.join(", "),
                        edge.to
                    )
                });
                for site in &edge.sites {
                    out.push(site_violation(&id, text.clone(), edge, site));
                }
            }
        }
    }
    if let Some(scopes) = &rules.no_cycles {
        for cycle in &analysis.cycles {
            let inside = scopes
                .iter()
                .any(|g| cycle.modules.iter().all(|m| g.is_match(m)));
            if !inside {
                continue;
            }
            // Point at an import that closes the cycle, so there is a line to look at.
            let members: BTreeSet<&str> = cycle.modules.iter().map(String::as_str).collect();
            let edge = analysis
                .edges
                .iter()
                .find(|e| members.contains(e.from.as_str()) && members.contains(e.to.as_str()));
            let site = edge.and_then(|e| e.sites.first());
            let joined = cycle.modules.join(", ");
            out.push(Violation {
                fingerprint: fingerprint(&["no-cycles", &joined]),
                rule: "no-cycles".to_string(),
                message: format!("dependency cycle between {joined}"),
                from: edge.map(|e| e.from.clone()),
                to: edge.map(|e| e.to.clone()),
                file: site.map(|s| s.file.clone()),
                line: site.map(|s| s.line),
                import: site.map(|s| s.import.clone()),
            });
        }
    }
    for (kind, id) in &rules.required {
        let present = analysis
            .findings
            .iter()
            .any(|f| f.kind == *kind && &f.id == id);
        if !present {
            let rule = format!("required/{}:{id}", kind.as_str());
            out.push(Violation {
                fingerprint: fingerprint(&[&rule]),
                message: format!(
                    "the analysis does not find {} `{id}` (run `arch analyze --explain {}:{id}` to see why)",
                    kind.as_str(),
                    kind.as_str()
                ),
                rule,
                from: None,
                to: None,
                file: None,
                line: None,
                import: None,
            });
        }
    }
    out.sort_by(|a, b| (&a.file, a.line, &a.rule, &a.to).cmp(&(&b.file, b.line, &b.rule, &b.to)));
    out.dedup();
    out
}

/// Checks `rules` against `analysis`; violations whose fingerprint is in `baseline` are
/// counted, not reported; with `changed` (modules touched since a revision), only
/// violations from those modules are reported.
pub fn check(
    analysis: &Analysis,
    rules: &Rules,
    baseline: Option<&BTreeSet<String>>,
    changed: Option<&BTreeSet<String>>,
) -> CheckReport {
    let mut summary = CheckSummary::default();
    let mut kept = Vec::new();
    for v in violations(analysis, rules) {
        if baseline.is_some_and(|b| b.contains(&v.fingerprint)) {
            summary.baselined += 1;
            continue;
        }
        if let Some(changed) = changed {
            let touched = match (&v.from, &v.file) {
                (Some(from), _) if changed.contains(from) => true,
                (_, Some(file)) => changed.contains(crate::graph::module_of(file)),
                // Required findings concern the whole repository.
                (None, None) => true,
                _ => false,
            };
            if !touched {
                summary.unchanged += 1;
                continue;
            }
        }
        kept.push(v);
    }
    summary.violations = kept.len();
    CheckReport {
        schema_version: CHECK_SCHEMA_VERSION.to_string(),
        root: analysis.root.clone(),
        rules_file: rules
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "arch.yaml".to_string()),
        rules: rules.rule_ids(),
        violations: kept,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_ignore_lines() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&["layers"]).len(), 16);
    }
}
