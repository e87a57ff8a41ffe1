//! Architecture decision records in the common layouts: adr-tools, MADR, log4brains,
//! and plain Markdown that only follows the folder convention.

use std::sync::LazyLock;

use regex::Regex;

use super::{file_name, has_extension, parent_dir, yaml_scalar, Adr, FileIndex};

/// Folder names that hold ADRs. Matching the last directory covers every conventional
/// location: `doc/adr`, `docs/adrs`, `docs/decisions`, `docs/architecture/decisions`, …
const ADR_DIRS: &[&str] = &[
    "adr",
    "adrs",
    "decisions",
    "architecture_decision_log",
    "architecture-decision-log",
    "architecture_decisions",
    "architecture-decisions",
    "decision-log",
    "decision_log",
];

/// Whether `path` is a decision record rather than an index or template beside them.
pub(super) fn is_adr(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    let dir = file_name(parent_dir(path)).to_ascii_lowercase();
    has_extension(&name, &[".md", ".markdown"])
        && ADR_DIRS.contains(&dir.as_str())
        && !name.starts_with("readme.")
        && !name.starts_with("index.")
        && !name.contains("template")
}

/// log4brains keeps its records in `docs/adr` next to a `template.md`, and marks the
/// repository with a `.log4brains.yml` at its root.
pub(super) fn is_log4brains_dir(path: &str, index: &FileIndex) -> bool {
    let dir = parent_dir(path);
    let conventional = (dir == "docs/adr" || dir.ends_with("/docs/adr"))
        && index.contains(&format!("{dir}/template.md"));
    conventional || index.contains(".log4brains.yml")
}

/// Fields read from YAML front matter.
#[derive(Default)]
struct FrontMatter {
    status: Option<String>,
    date: Option<String>,
    title: Option<String>,
}

static STATUS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*([*-]\s+)?(?:\*\*)?status(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+?)\s*$")
        .expect("valid regex")
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*([*-]\s+)?(?:\*\*)?date(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+?)\s*$")
        .expect("valid regex")
});
static STATUS_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^#{1,6}\s*status\s*$").expect("valid regex"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[[^\]]*\]\(\s*([^)\s]+)[^)]*\)").expect("valid regex"));
static RELATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(supersedes|superseded|amends|amended|clarifies|clarified)\b")
        .expect("valid regex")
});
static TITLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ADR[-_\s]?\d+\s*[:.\-–—]?\s*|\d+\s*[.:\-–—]\s*)").expect("valid regex")
});

/// Reads one record. Never fails: a record without the expected parts is still a record.
pub(super) fn parse(path: &str, text: &str, log4brains_dir: bool) -> Adr {
    let (front, body) = split_front_matter(text);
    let lines: Vec<&str> = body.lines().collect();

    let heading = lines
        .iter()
        .find_map(|line| line.strip_prefix("# "))
        .map(str::trim);
    let title = heading
        .map(clean_title)
        .or_else(|| front.title.clone())
        .unwrap_or_else(|| title_from_file_name(path));

    let status_section = status_section(&lines);
    let status_line = lines.iter().find_map(|line| STATUS_LINE.captures(line));
    let is_status_bullet = status_line.as_ref().is_some_and(|c| c.get(1).is_some());
    let date_line = lines.iter().find_map(|line| DATE_LINE.captures(line));
    // log4brains writes `- Date:` where MADR 2 writes `* Date:`.
    let is_dash_date = date_line
        .as_ref()
        .and_then(|c| c.get(1))
        .is_some_and(|bullet| bullet.as_str().starts_with('-'));
    let date_line = date_line.map(|c| c[2].to_string());

    let status = front
        .status
        .as_deref()
        .or_else(|| {
            status_section
                .as_ref()
                .and_then(|section| section.iter().find(|l| !l.trim().is_empty()))
                .copied()
        })
        .or_else(|| {
            status_line
                .as_ref()
                .and_then(|c| c.get(2))
                .map(|m| m.as_str())
        })
        .and_then(status_word);

    let mut links: Vec<String> = Vec::new();
    let related = lines.iter().filter(|line| RELATION.is_match(line));
    for line in status_section.iter().flatten().chain(related) {
        links.extend(LINK.captures_iter(line).map(|c| c[1].to_string()));
    }
    links.sort();
    links.dedup();

    let layout = if log4brains_dir && (front.date.is_some() || is_dash_date) {
        "log4brains"
    } else if status_section.is_some() && date_line.is_some() {
        "adr-tools"
    } else if is_status_bullet || front.status.is_some() {
        "madr"
    } else {
        "plain"
    };

    Adr {
        path: path.to_string(),
        number: number_from_file_name(path),
        title,
        status,
        date: front.date.or(date_line),
        links,
        layout: layout.to_string(),
    }
}

/// Splits off `---` front matter. Front matter that is not a YAML mapping is ignored
/// rather than reported: it is decoration, and the body still reads.
fn split_front_matter(text: &str) -> (FrontMatter, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (FrontMatter::default(), text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(yaml) else {
                return (FrontMatter::default(), body);
            };
            let field = |name: &str| value.get(name).and_then(yaml_scalar);
            let front = FrontMatter {
                status: field("status"),
                date: field("date"),
                title: field("title"),
            };
            return (front, body);
        }
        offset += line.len();
    }
    (FrontMatter::default(), text)
}

/// The lines under a `## Status` heading, up to the next heading.
fn status_section<'a>(lines: &[&'a str]) -> Option<Vec<&'a str>> {
    let start = lines
        .iter()
        .position(|line| STATUS_HEADING.is_match(line.trim()))?;
    let section = lines[start + 1..]
        .iter()
        .take_while(|line| !line.starts_with('#'))
        .copied()
        .collect();
    Some(section)
}

/// The first word, lower-cased, without markdown around it:
/// "Superseded by [3. Foo](0003-foo.md)" is "superseded", "**Accepted**" is "accepted".
fn status_word(text: &str) -> Option<String> {
    let text = text.trim().trim_start_matches(['*', '-', ' ']);
    let word = text.split_whitespace().next()?;
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    (!word.is_empty()).then(|| word.to_lowercase())
}

/// Removes "12. ", "ADR-0012: " or "ADR 12 - " from a heading.
fn clean_title(heading: &str) -> String {
    let cleaned = TITLE_PREFIX.replace(heading, "");
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        heading.to_string()
    } else {
        cleaned.to_string()
    }
}

/// The number of a `0007-use-kafka.md` style file name.
fn number_from_file_name(path: &str) -> Option<u32> {
    let name = file_name(path);
    let digits = name.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || !name[digits..].starts_with(['-', '_']) {
        return None;
    }
    name[..digits].parse().ok()
}

/// "0007-use-kafka.md" → "use kafka", for records without a heading.
fn title_from_file_name(path: &str) -> String {
    let name = file_name(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['-', '_']);
    stem.replace(['-', '_'], " ")
}

#[cfg(test)]
mod tests {
    use super::super::collect_from;
    use super::*;

    #[test]
    fn adr_tools_layout_with_superseded_link() {
        let text = "# 2. Use PostgreSQL\n\nDate: 2018-03-01\n\n## Status\n\nSuperseded by [3. Use CockroachDB](0003-use-cockroachdb.md)\n\n## Context\n\nWe need a database.\n";
        let adr = parse("doc/adr/0002-use-postgresql.md", text, false);
        assert_eq!(adr.number, Some(2));
        assert_eq!(adr.title, "Use PostgreSQL");
        assert_eq!(adr.status.as_deref(), Some("superseded"));
        assert_eq!(adr.date.as_deref(), Some("2018-03-01"));
        assert_eq!(adr.links, vec!["0003-use-cockroachdb.md".to_string()]);
        assert_eq!(adr.layout, "adr-tools");
    }

    #[test]
    fn rejected_status_is_lower_cased() {
        let text = "# 5. Use MongoDB\n\nDate: 2020-01-01\n\n## Status\n\nRejected\n";
        let adr = parse("docs/adr/0005-use-mongodb.md", text, false);
        assert_eq!(adr.status.as_deref(), Some("rejected"));
    }

    #[test]
    fn madr_bullets_and_front_matter() {
        let bullets = "# Use Markdown Architectural Decision Records\n\n* Status: accepted\n* Deciders: team\n* Date: 2021-05-04\n\n## Context\n\nAmends [ADR-0001](0001-record.md).\n";
        let adr = parse("docs/decisions/0002-use-madr.md", bullets, false);
        assert_eq!(adr.layout, "madr");
        assert_eq!(adr.status.as_deref(), Some("accepted"));
        assert_eq!(adr.date.as_deref(), Some("2021-05-04"));
        assert_eq!(adr.links, vec!["0001-record.md".to_string()]);

        let front =
            "---\nstatus: proposed\ndate: 2023-02-01\n---\n# ADR-0003: Adopt gRPC\n\nBody.\n";
        let adr = parse("docs/decisions/0003-adopt-grpc.md", front, false);
        assert_eq!(adr.layout, "madr");
        assert_eq!(adr.title, "Adopt gRPC");
        assert_eq!(adr.status.as_deref(), Some("proposed"));
        assert_eq!(adr.date.as_deref(), Some("2023-02-01"));
    }

    #[test]
    fn log4brains_and_plain_layouts() {
        let text = "---\ndate: 2022-10-10\n---\n# ADR 4 - Use Log4brains\n\n- Status: accepted\n";
        let adr = parse("docs/adr/20221010-use-log4brains.md", text, true);
        assert_eq!(adr.layout, "log4brains");
        assert_eq!(adr.title, "Use Log4brains");
        assert_eq!(adr.status.as_deref(), Some("accepted"));

        let bullets = "# Use Lunr for search\n\n- Status: accepted\n- Date: 2020-11-03\n";
        let adr = parse("docs/adr/20201103-use-lunr-for-search.md", bullets, true);
        assert_eq!(adr.layout, "log4brains");
        assert_eq!(adr.date.as_deref(), Some("2020-11-03"));
        let madr2 = "# Use Lunr\n\n* Status: accepted\n* Date: 2020-11-03\n";
        assert_eq!(
            parse("docs/adr/0001-use-lunr.md", madr2, true).layout,
            "madr"
        );

        let adr = parse(
            "architecture/decisions/use_events.md",
            "No heading here.\n",
            false,
        );
        assert_eq!(adr.layout, "plain");
        assert_eq!(adr.number, None);
        assert_eq!(adr.title, "use events");
        assert_eq!(adr.status, None);
    }

    #[test]
    fn folders_and_skipped_files() {
        assert!(is_adr("doc/adr/0001-record.md"));
        assert!(is_adr("services/api/docs/architecture/decisions/0001-x.md"));
        assert!(is_adr("adrs/0001-x.markdown"));
        assert!(!is_adr("docs/adr/README.md"));
        assert!(!is_adr("docs/adr/index.md"));
        assert!(!is_adr("docs/adr/template.md"));
        assert!(!is_adr("docs/adr/adr-template-short.md"));
        assert!(!is_adr("docs/0001-x.md"));
        assert!(!is_adr("docs/adr/diagram.png"));
    }

    #[test]
    fn collected_records_are_sorted_and_log4brains_needs_its_template() {
        let record = "---\ndate: 2022-01-01\n---\n# Pick a queue\n\n- Status: draft\n";
        let (facts, warnings) = collect_from(&[
            ("docs/adr/template.md", "# Title\n"),
            ("docs/adr/README.md", "# ADRs\n"),
            ("docs/adr/0002-pick-a-queue.md", record),
            (
                "docs/adr/0001-record.md",
                "# 1. Record decisions\n\nDate: 2019-01-01\n\n## Status\n\nAccepted\n",
            ),
            ("other/adr/0001-queue.md", record),
        ]);
        assert!(warnings.is_empty());
        let found: Vec<(&str, &str, Option<&str>)> = facts
            .adrs
            .iter()
            .map(|a| (a.path.as_str(), a.layout.as_str(), a.status.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("docs/adr/0001-record.md", "adr-tools", Some("accepted")),
                ("docs/adr/0002-pick-a-queue.md", "log4brains", Some("draft")),
                ("other/adr/0001-queue.md", "madr", Some("draft")),
            ]
        );
    }
}
