//! The Markdown report: for pull-request comments and `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write;

use super::{notable_modules, ratio, thousands, TABLE_LIMIT};
use crate::analysis::Analysis;
use crate::detect::FindingKind;

/// Escapes table-breaking characters.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Renders the Markdown report.
pub fn render(a: &Analysis) -> String {
    let mut out = String::new();
    let s = &a.summary;
    let _ = writeln!(out, "# Architecture of `{}`\n", cell(&a.root));
    let _ = writeln!(
        out,
        "{} source files · {} lines ({} code) · {} modules · {} dependencies · {} cycles · {} skipped\n",
        thousands(s.files as u64),
        thousands(s.lines),
        thousands(s.code),
        a.metrics.modules,
        a.metrics.edges,
        a.metrics.cycles,
        thousands(s.skipped as u64)
    );

    if !a.findings.is_empty() {
        let _ = writeln!(out, "## Architecture\n");
        for kind in [
            FindingKind::Style,
            FindingKind::Design,
            FindingKind::Communication,
            FindingKind::Data,
        ] {
            let of_kind: Vec<_> = a.findings.iter().filter(|f| f.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "### {}\n\n| finding | confidence | strongest evidence |\n|---|---:|---|",
                kind.as_str()
            );
            for f in of_kind {
                let evidence: Vec<String> = f
                    .evidence
                    .iter()
                    .take(2)
                    .map(|e| format!("`{}` {}", cell(&super::text::location(e)), cell(&e.detail)))
                    .collect();
                let _ = writeln!(
                    out,
                    "| **{}** | {:.2} | {} |",
                    f.id,
                    f.confidence,
                    evidence.join("<br>")
                );
            }
            out.push('\n');
        }
    }
    if !a.decisions.is_empty() {
        let _ = writeln!(
            out,
            "## Decisions\n\n| topic | choice | evidence |\n|---|---|---|"
        );
        for d in &a.decisions {
            let first = d
                .evidence
                .first()
                .map(|e| format!("`{}`", cell(&super::text::location(e))))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                super::text::topic(d.topic),
                cell(&d.choice),
                first
            );
        }
        out.push('\n');
    }

    if !a.languages.is_empty() {
        let _ = writeln!(
            out,
            "## Languages\n\n| language | files | lines | code |\n|---|---:|---:|---:|"
        );
        for l in &a.languages {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                l.name,
                thousands(l.files as u64),
                thousands(l.lines),
                thousands(l.code)
            );
        }
        out.push('\n');
    }

    if !a.modules.is_empty() {
        let _ = writeln!(out, "## Modules\n\n| module | files | code | fan-in | fan-out | instability |\n|---|---:|---:|---:|---:|---:|");
        for m in notable_modules(a) {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                cell(&m.id),
                m.files,
                thousands(m.code),
                m.fan_in,
                m.fan_out,
                ratio(m.instability)
            );
        }
        if a.modules.len() > TABLE_LIMIT {
            let _ = writeln!(
                out,
                "\n_{} more modules in the JSON report._",
                a.modules.len() - TABLE_LIMIT
            );
        }
        out.push('\n');
    }

    if !a.cycles.is_empty() {
        let _ = writeln!(out, "## Dependency cycles\n");
        for c in a.cycles.iter().take(TABLE_LIMIT) {
            let names: Vec<String> = c.modules.iter().map(|m| format!("`{}`", cell(m))).collect();
            let _ = writeln!(out, "- {}", names.join(" ⇄ "));
        }
        out.push('\n');
    }

    let p = &a.project;
    if !p.manifests.is_empty() || !p.frameworks.is_empty() {
        let _ = writeln!(out, "## Dependencies and frameworks\n");
        for m in &p.manifests {
            let _ = writeln!(
                out,
                "- `{}` ({}): {} direct {}",
                cell(&m.path),
                m.ecosystem,
                m.dependencies.len(),
                super::plural(m.dependencies.len(), "dependency", "dependencies")
            );
        }
        for l in &p.lockfiles {
            let _ = writeln!(
                out,
                "- `{}` ({} lock file): {} packages pinned",
                cell(&l.path),
                l.ecosystem,
                l.packages
            );
        }
        for f in &p.frameworks {
            let _ = writeln!(
                out,
                "- **{}** ({}) via `{}` in `{}`",
                cell(&f.name),
                f.category,
                cell(&f.dependency),
                cell(&f.manifest)
            );
        }
        out.push('\n');
    }
    if !p.infrastructure.is_empty() || !p.ci.is_empty() {
        let _ = writeln!(out, "## Delivery\n");
        for i in &p.infrastructure {
            let _ = writeln!(
                out,
                "- `{}` ({}): {}",
                cell(&i.path),
                i.kind,
                cell(&i.items.join(", "))
            );
        }
        for c in &p.ci {
            let _ = writeln!(
                out,
                "- `{}` ({}): {}",
                cell(&c.path),
                c.system,
                cell(&c.jobs.join(", "))
            );
        }
        out.push('\n');
    }
    if !p.adrs.is_empty() {
        let _ = writeln!(
            out,
            "## Decision records\n\n| record | title | status | date |\n|---|---|---|---|"
        );
        for adr in &p.adrs {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                cell(&adr.path),
                cell(&adr.title),
                adr.status.as_deref().unwrap_or("-"),
                adr.date.as_deref().unwrap_or("-")
            );
        }
        out.push('\n');
    }

    if !a.skipped.entries.is_empty() {
        let counts: Vec<String> = a
            .skipped
            .counts
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        let _ = writeln!(out, "## Skipped\n\n{}\n", counts.join(", "));
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(out, "## Warnings\n");
        for w in a.warnings.iter().take(TABLE_LIMIT) {
            let _ = writeln!(out, "- `{}`: {}", cell(&w.path), cell(&w.message));
        }
        out.push('\n');
    }
    out
}
