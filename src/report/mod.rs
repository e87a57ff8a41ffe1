//! Report: an [`Analysis`] rendered for people (text, Markdown), tools (JSON) and
//! diagrams (Graphviz DOT, Mermaid). Renderers are pure functions of the analysis, so
//! the same input always gives byte-identical output.

pub mod check;
mod graphs;
mod markdown;
mod text;

use crate::analysis::Analysis;
use crate::settings::Format;

/// How many rows a human-readable table shows before summarising the rest.
pub const TABLE_LIMIT: usize = 25;

/// Renders `analysis` in `format`; `color` adds ANSI styling to the text report.
pub fn render(analysis: &Analysis, format: Format, color: bool) -> String {
    match format {
        Format::Text => text::render(analysis, color),
        Format::Json => json(analysis),
        Format::Markdown => markdown::render(analysis),
        Format::Dot => graphs::dot(analysis),
        Format::Mermaid => graphs::mermaid(analysis),
        // Violation formats are rendered from a check report (`--check`), never from here;
        // if asked anyway, the analysis itself is the most useful answer.
        Format::Sarif | Format::Junit | Format::Github => json(analysis),
    }
}

/// The JSON contract, pretty-printed, with a final newline.
pub fn json(analysis: &Analysis) -> String {
    let mut out = serde_json::to_string_pretty(analysis)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the analysis: {e}\"}}"));
    out.push('\n');
    out
}

/// The name of a decision topic in reports and the knowledge base.
pub fn topic_name(t: crate::detect::DecisionTopic) -> &'static str {
    text::topic(t)
}

/// `1234567` → `1,234,567`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The singular or plural noun for `n`.
pub(crate) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A ratio with two decimals, or `-` when undefined.
pub(crate) fn ratio(value: Option<f64>) -> String {
    value
        .map(|v| format!("{v:.2}"))
        .unwrap_or_else(|| "-".to_string())
}

/// The modules a person should see first: most code, then most depended upon.
pub(crate) fn notable_modules(analysis: &Analysis) -> Vec<&crate::graph::Module> {
    let mut modules: Vec<_> = analysis.modules.iter().collect();
    modules.sort_by(|a, b| {
        b.code
            .cmp(&a.code)
            .then(b.fan_in.cmp(&a.fan_in))
            .then(a.id.cmp(&b.id))
    });
    modules.truncate(TABLE_LIMIT);
    modules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
