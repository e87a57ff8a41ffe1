//! The text report: what a person reads at a terminal.

use std::fmt::Write;

use super::{notable_modules, ratio, thousands, TABLE_LIMIT};
use crate::analysis::Analysis;

/// Evidence lines shown under each finding; the JSON report has them all.
const EVIDENCE_SHOWN: usize = 3;

/// `path:line`, or the path alone.
pub(crate) fn location(e: &crate::detect::Evidence) -> String {
    match e.line {
        Some(line) => format!("{}:{line}", e.path),
        None => e.path.clone(),
    }
}

/// The name of a decision topic in reports.
pub(crate) fn topic(t: crate::detect::DecisionTopic) -> &'static str {
    use crate::detect::DecisionTopic::*;
    match t {
        Language => "language",
        WebFramework => "web_framework",
        OrmDatabase => "orm_database",
        Build => "build",
        Deploy => "deploy",
        Ci => "ci",
        Adr => "adr",
    }
}

struct Style {
    color: bool,
}

impl Style {
    fn heading(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn warn(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[33m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Renders the text report.
pub fn render(a: &Analysis, color: bool) -> String {
    let style = Style { color };
    let mut out = String::new();
    let s = &a.summary;
    let _ = writeln!(
        out,
        "{}",
        style.heading(&format!("arch analyze: {}", a.root))
    );
    let _ = writeln!(
        out,
        "{} source files, {} lines ({} code), {} other files, {} skipped",
        thousands(s.files as u64),
        thousands(s.lines),
        thousands(s.code),
        thousands(s.other_files as u64),
        thousands(s.skipped as u64),
    );

    if !a.findings.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Architecture"));
        for f in &a.findings {
            let _ = writeln!(
                out,
                "  {:<14} {:<22} {:.2}",
                f.kind.as_str(),
                f.id,
                f.confidence
            );
            for e in f.evidence.iter().take(EVIDENCE_SHOWN) {
                let _ = writeln!(out, "      {}: {}", location(e), e.detail);
            }
        }
    }
    if !a.decisions.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Decisions"));
        for d in &a.decisions {
            let first = d.evidence.first().map(location).unwrap_or_default();
            let _ = writeln!(out, "  {:<14} {}  ({})", topic(d.topic), d.choice, first);
        }
    }

    if !a.languages.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Languages"));
        let _ = writeln!(
            out,
            "  {:<12} {:>7} {:>10} {:>10}",
            "language", "files", "lines", "code"
        );
        for l in &a.languages {
            let _ = writeln!(
                out,
                "  {:<12} {:>7} {:>10} {:>10}",
                l.name,
                thousands(l.files as u64),
                thousands(l.lines),
                thousands(l.code)
            );
        }
    }

    if !a.modules.is_empty() {
        let m = &a.metrics;
        let _ = writeln!(
            out,
            "\n{}",
            style.heading(&format!(
                "Modules: {} modules, {} dependencies, {} cycles",
                m.modules, m.edges, m.cycles
            ))
        );
        let width = notable_modules(a)
            .iter()
            .map(|m| m.id.len())
            .max()
            .unwrap_or(6)
            .max(6);
        let _ = writeln!(
            out,
            "  {:<width$} {:>6} {:>8} {:>6} {:>7} {:>11}",
            "module", "files", "code", "fan-in", "fan-out", "instability"
        );
        for module in notable_modules(a) {
            let _ = writeln!(
                out,
                "  {:<width$} {:>6} {:>8} {:>6} {:>7} {:>11}",
                module.id,
                module.files,
                thousands(module.code),
                module.fan_in,
                module.fan_out,
                ratio(module.instability)
            );
        }
        if a.modules.len() > TABLE_LIMIT {
            let _ = writeln!(
                out,
                "  … and {} more (see --format json)",
                a.modules.len() - TABLE_LIMIT
            );
        }
    }

    if !a.cycles.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Dependency cycles"));
        for cycle in a.cycles.iter().take(TABLE_LIMIT) {
            let _ = writeln!(out, "  {}", cycle.modules.join(" ⇄ "));
        }
    }

    let p = &a.project;
    let has_project = !(p.manifests.is_empty()
        && p.frameworks.is_empty()
        && p.infrastructure.is_empty()
        && p.ci.is_empty()
        && p.adrs.is_empty());
    if has_project {
        let _ = writeln!(out, "\n{}", style.heading("Project"));
        for manifest in &p.manifests {
            let _ = writeln!(
                out,
                "  manifest   {} ({}): {} direct {}",
                manifest.path,
                manifest.ecosystem,
                manifest.dependencies.len(),
                super::plural(manifest.dependencies.len(), "dependency", "dependencies")
            );
        }
        for lock in &p.lockfiles {
            let _ = writeln!(
                out,
                "  lock file  {} ({}): {} packages pinned",
                lock.path, lock.ecosystem, lock.packages
            );
        }
        for fw in &p.frameworks {
            let _ = writeln!(
                out,
                "  framework  {} ({}) via {} in {}",
                fw.name, fw.category, fw.dependency, fw.manifest
            );
        }
        for infra in &p.infrastructure {
            let _ = writeln!(
                out,
                "  deploy     {} ({}): {}",
                infra.path,
                infra.kind,
                infra.items.join(", ")
            );
        }
        for ci in &p.ci {
            let _ = writeln!(
                out,
                "  ci         {} ({}): {}",
                ci.path,
                ci.system,
                ci.jobs.join(", ")
            );
        }
        for adr in &p.adrs {
            let status = adr.status.as_deref().unwrap_or("no status");
            let _ = writeln!(out, "  adr        {}: {} [{}]", adr.path, adr.title, status);
        }
    }

    if !a.skipped.entries.is_empty() {
        let counts: Vec<String> = a
            .skipped
            .counts
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(
            out,
            "\n{}",
            style.heading(&format!("Skipped: {}", counts.join(", ")))
        );
        for entry in a.skipped.entries.iter().take(TABLE_LIMIT) {
            let suffix = if entry.directory { "/" } else { "" };
            let _ = writeln!(
                out,
                "  {}{} ({})",
                entry.path,
                suffix,
                entry.reason.as_str()
            );
        }
        if a.skipped.entries.len() > TABLE_LIMIT {
            let _ = writeln!(
                out,
                "  … and {} more (arch -v analyze lists them all)",
                a.skipped.entries.len() - TABLE_LIMIT
            );
        }
    }

    if !a.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            style.warn(&format!("Warnings: {}", a.warnings.len()))
        );
        for w in a.warnings.iter().take(TABLE_LIMIT) {
            let _ = writeln!(out, "  {}: {}", w.path, w.message);
        }
    }
    out
}
