//! Renderings of a [`CheckReport`] for CI: text, JSON, Markdown (job summaries), SARIF
//! 2.1.0 (code scanning), JUnit XML and GitHub Actions annotations.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::rules::{CheckReport, Violation};
use crate::settings::Format;

/// Renders `report` in `format` (graph formats fall back to text).
pub fn render(report: &CheckReport, format: Format, color: bool) -> String {
    match format {
        Format::Json => json(report),
        Format::Markdown => markdown(report),
        Format::Sarif => sarif(report),
        Format::Junit => junit(report),
        Format::Github => github(report),
        Format::Text | Format::Dot | Format::Mermaid => text(report, color),
    }
}

fn location(v: &Violation) -> String {
    match (&v.file, v.line) {
        (Some(file), Some(line)) => format!("{file}:{line}"),
        (Some(file), None) => file.clone(),
        _ => "(repository)".to_string(),
    }
}

fn by_rule(report: &CheckReport) -> BTreeMap<&str, Vec<&Violation>> {
    let mut map: BTreeMap<&str, Vec<&Violation>> = report
        .rules
        .iter()
        .map(|r| (r.as_str(), Vec::new()))
        .collect();
    for v in &report.violations {
        map.entry(v.rule.as_str()).or_default().push(v);
    }
    map
}

fn summary_line(report: &CheckReport) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} violation{} of {} rule{} in {}",
        s.violations,
        if s.violations == 1 { "" } else { "s" },
        report.rules.len(),
        if report.rules.len() == 1 { "" } else { "s" },
        report.rules_file
    );
    if s.baselined > 0 {
        line.push_str(&format!(", {} baselined", s.baselined));
    }
    if s.unchanged > 0 {
        line.push_str(&format!(", {} in unchanged modules", s.unchanged));
    }
    line
}

/// For people at a terminal.
pub fn text(report: &CheckReport, color: bool) -> String {
    let (red, bold, reset) = if color {
        ("\x1b[31m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = format!("{bold}arch check: {}{reset}\n", summary_line(report));
    for v in &report.violations {
        let _ = write!(out, "{red}{}{reset} {}: {}", v.rule, location(v), v.message);
        if let Some(import) = &v.import {
            let _ = write!(out, " [import {import}]");
        }
        out.push('\n');
    }
    out
}

/// The documented JSON contract (`docs/schema/check.schema.json`).
pub fn json(report: &CheckReport) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_default();
    out.push('\n');
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// For `$GITHUB_STEP_SUMMARY` and pull-request comments.
pub fn markdown(report: &CheckReport) -> String {
    let mut out = String::from("# Architecture rules\n\n");
    let icon = if report.violations.is_empty() {
        "✅"
    } else {
        "❌"
    };
    let _ = writeln!(out, "{icon} {}\n", summary_line(report));
    let _ = writeln!(out, "| rule | violations |\n|---|---:|");
    for (rule, list) in by_rule(report) {
        let _ = writeln!(out, "| `{}` | {} |", md_cell(rule), list.len());
    }
    if !report.violations.is_empty() {
        let _ = writeln!(out, "\n| rule | where | what |\n|---|---|---|");
        for v in &report.violations {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} |",
                md_cell(&v.rule),
                md_cell(&location(v)),
                md_cell(&v.message)
            );
        }
    }
    out
}

/// SARIF 2.1.0: one rule per checked rule, one result per violation, fingerprints that
/// survive line moves. Violations without a file (a required finding) point at the rules file.
pub fn sarif(report: &CheckReport) -> String {
    let rules: Vec<serde_json::Value> = report
        .rules
        .iter()
        .map(|id| {
            serde_json::json!({
                "id": id,
                "name": id.replace(['/', ':', '-'], "_"),
                "shortDescription": { "text": format!("arch rule {id}") },
                "fullDescription": { "text": format!("Architecture rule `{id}` from {}", report.rules_file) },
                "defaultConfiguration": { "level": "error" },
                "helpUri": "https://github.com/arch-rs/arch#configuration",
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = report
        .violations
        .iter()
        .map(|v| {
            let index = report.rules.iter().position(|r| r == &v.rule).unwrap_or(0);
            let uri = v.file.clone().unwrap_or_else(|| report.rules_file.clone());
            serde_json::json!({
                "ruleId": v.rule,
                "ruleIndex": index,
                "level": "error",
                "message": { "text": v.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                        "region": { "startLine": v.line.unwrap_or(1) }
                    }
                }],
                "partialFingerprints": { "archViolation/v1": v.fingerprint },
            })
        })
        .collect();
    let doc = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "arch",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/arch-rs/arch",
                    "rules": rules,
                }
            },
            "automationDetails": { "id": format!("arch/{}", report.root) },
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// JUnit XML: one test case per rule, failed when it has violations.
pub fn junit(report: &CheckReport) -> String {
    let groups = by_rule(report);
    let failures = groups.values().filter(|v| !v.is_empty()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"arch\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">",
        groups.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(&format!("arch rules ({})", report.rules_file)),
        groups.len()
    );
    for (rule, list) in groups {
        let _ = write!(
            out,
            "    <testcase classname=\"arch.rules\" name=\"{}\"",
            xml(rule)
        );
        if list.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let body: Vec<String> = list
            .iter()
            .map(|v| format!("{}: {}", location(v), v.message))
            .collect();
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{} violation(s)\">{}</failure>",
            xml(rule),
            list.len(),
            xml(&body.join("\n"))
        );
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Escapes per GitHub's workflow-command rules (data and property values differ).
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions `::error` commands: annotations on the pull request's diff.
pub fn github(report: &CheckReport) -> String {
    let mut out = String::new();
    for v in &report.violations {
        let file = v.file.clone().unwrap_or_else(|| report.rules_file.clone());
        let _ = writeln!(
            out,
            "::error file={},line={},title={}::{}",
            gh_property(&file),
            v.line.unwrap_or(1),
            gh_property(&format!("arch {}", v.rule)),
            gh_data(&v.message)
        );
    }
    let _ = writeln!(
        out,
        "::notice title=arch::{}",
        gh_data(&summary_line(report))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_their_properties() {
        assert_eq!(gh_property("a,b:c%"), "a%2Cb%3Ac%25");
        assert_eq!(gh_data("x\ny"), "x%0Ay");
        assert_eq!(xml("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
