//! The knowledge base: projects learned, their findings, decisions and modules, and the
//! patterns generalised across them.
//!
//! One [`Store`] trait; [`open`] picks the backend from a location (a SQLite file path
//! by default, `postgres://…` for a team's server) and returns an error, never a panic, for
//! a location it cannot use. Migrations are numbered SQL files in `migrations/<backend>/`,
//! embedded in the binary, applied in order inside one transaction each, and recorded in
//! `schema_migrations`. Every learn is one transaction: a process killed mid-way leaves
//! the previous state.

pub mod postgres;
pub mod sqlite;

use std::path::PathBuf;

use serde::Serialize;

use crate::analysis::Analysis;

/// What a learn did to the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnOutcome {
    /// A project seen for the first time.
    Added,
    /// A known project at a new revision or with a new analysis.
    Updated,
    /// The same revision and analysis as stored: nothing changed.
    Unchanged,
}

/// Vectors to store with a project, by what they embed (`description`, `findings`,
/// `structure`, `decisions`), and the model that made them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Embeddings {
    /// The model name (`all-minilm-l6-v2`).
    pub model: String,
    /// (what, vector).
    pub vectors: Vec<(String, Vec<f32>)>,
}

/// The texts of a project that are embedded, by name.
pub fn embedding_texts(analysis: &Analysis) -> Vec<(String, String)> {
    let findings: Vec<String> = analysis
        .findings
        .iter()
        .map(|f| {
            let why = f.evidence.first().map(|e| e.detail.as_str()).unwrap_or("");
            format!("{} {}: {why}", f.kind.as_str(), f.id)
        })
        .collect();
    let structure: Vec<String> = analysis
        .modules
        .iter()
        .filter(|m| m.files > 0)
        .take(40)
        .map(|m| format!("{} ({} files)", m.id, m.files))
        .collect();
    let decisions: Vec<String> = analysis
        .decisions
        .iter()
        .map(|d| format!("{}: {}", crate::report::topic_name(d.topic), d.choice))
        .collect();
    vec![
        ("description".to_string(), describe(analysis)),
        ("findings".to_string(), findings.join("; ")),
        ("structure".to_string(), structure.join("; ")),
        ("decisions".to_string(), decisions.join("; ")),
    ]
}

/// A pattern generalised across projects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    /// style, design, communication or data.
    pub kind: String,
    /// The taxonomy id.
    pub id: String,
    /// How many projects exhibit it.
    pub support: usize,
    /// Which projects.
    pub projects: Vec<String>,
    /// Languages, frameworks and styles it appears with, with counts.
    pub contexts: Vec<(String, usize)>,
    /// Other findings it appears with, with counts.
    pub co_occurs: Vec<(String, usize)>,
    /// Mean confidence of its findings.
    pub mean_confidence: f64,
    /// Score from feedback (positive: users welcomed it).
    pub score: f64,
    /// When it was last replayed (seconds since the epoch).
    pub last_used: Option<u64>,
}

/// A feedback event ready to store: what was said and done, what the classifier read and
/// the reward, with the patterns behind its target.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct FeedbackRecord {
    /// finding, pattern, suggestion, … (open: new target kinds need no migration).
    pub target_kind: String,
    /// The target's id as the user gave it.
    pub target_id: String,
    /// The patterns (kind, taxonomy id) whose scores the reward moves.
    pub patterns: Vec<(String, String)>,
    /// What the user wrote.
    pub text: Option<String>,
    /// What the user did (accept, edit, delete, ignore).
    pub action: Option<String>,
    /// Characters changed by an edit.
    pub edit_distance: Option<u64>,
    /// Which classifier read the text.
    pub classifier: Option<String>,
    /// What it read.
    pub reading: Option<crate::feedback::classifier::Reading>,
    /// The reward.
    pub reward: crate::feedback::reward::Reward,
}

/// Seconds since the epoch as `YYYY-MM-DD HH:MM:SS UTC`, for people (the stores keep seconds).
pub fn utc(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

/// A stored event with the score changes it caused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// Its id (`arch feedback --explain ID`).
    pub id: i64,
    /// When (seconds since the epoch).
    pub recorded_at: u64,
    /// The event.
    pub record: FeedbackRecord,
    /// What it changed.
    pub changes: Vec<ScoreChange>,
}

/// One pattern score change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    /// Pattern kind.
    pub kind: String,
    /// Pattern taxonomy id.
    pub taxonomy_id: String,
    /// The event that caused it.
    pub event_id: i64,
    /// Score before.
    pub before: f64,
    /// Score after.
    pub after: f64,
    /// When (seconds since the epoch).
    pub changed_at: u64,
}

/// Version and migrations of a knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DbStatus {
    /// Backend name.
    pub backend: String,
    /// Where it is.
    pub location: String,
    /// Highest migration applied.
    pub version: u32,
    /// Highest migration this arch knows.
    pub latest: u32,
    /// Projects stored.
    pub projects: usize,
}

/// Knowledge-base errors.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The location is not one `arch` can use.
    #[error("unsupported knowledge-base location {0:?}: use a SQLite file path or postgres://user@host:port/db")]
    Location(String),
    /// PostgreSQL failed (the message names the server, never the password).
    #[error("PostgreSQL knowledge base {0}")]
    Postgres(String),
    /// SQLite failed.
    #[error("knowledge base {path}: {source}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The error.
        source: rusqlite::Error,
    },
    /// The database was written by a newer arch.
    #[error("knowledge base {location} is at schema version {found}, newer than this arch knows ({latest}); upgrade arch")]
    TooNew {
        /// Where.
        location: String,
        /// Its version.
        found: u32,
        /// Ours.
        latest: u32,
    },
    /// An analysis to learn from could not be read.
    #[error("cannot read the analysis {path}: {message}")]
    Analysis {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

/// Result alias of the knowledge base.
pub type Result<T, E = KbError> = std::result::Result<T, E>;

/// A knowledge-base backend.
pub trait Store {
    /// Applies pending migrations; returns how many were applied.
    fn migrate(&mut self) -> Result<usize>;
    /// Version, location, counts.
    fn status(&self) -> Result<DbStatus>;
    /// Stores (or updates) a project from its analysis, then re-generalises patterns, in
    /// one transaction.
    fn learn(
        &mut self,
        analysis: &Analysis,
        root: &str,
        revision: Option<&str>,
        embeddings: &Embeddings,
    ) -> Result<LearnOutcome>;
    /// Generalised patterns, by support.
    fn patterns(&self) -> Result<Vec<Pattern>>;
    /// Every stored project, by name.
    fn projects(&self) -> Result<Vec<ProjectSummary>>;
    /// Every stored project vector.
    fn vectors(&self) -> Result<Vec<ProjectVector>>;
    /// Counts of what is stored.
    fn stats(&self) -> Result<Stats>;
    /// The `k` stored project vectors closest to `query` by cosine similarity, best first:
    /// an exact scan on SQLite, the HNSW index on PostgreSQL.
    fn nearest(&self, query: &[f32], k: usize) -> Result<Vec<(ProjectVector, f32)>>;
    /// Stores feedback events and applies their rewards to the patterns behind them, all
    /// in one transaction: every event is recorded or none is.
    fn record_feedback(&mut self, records: &[FeedbackRecord]) -> Result<Vec<StoredEvent>>;
    /// One stored event.
    fn feedback_event(&self, id: i64) -> Result<Option<StoredEvent>>;
    /// How a pattern's score moved, oldest first.
    fn score_history(&self, kind: &str, taxonomy_id: &str) -> Result<Vec<ScoreChange>>;
}

/// The reading stored with an event, as JSON.
pub(crate) fn reading_json(record: &FeedbackRecord) -> Option<String> {
    record
        .reading
        .as_ref()
        .and_then(|r| serde_json::to_string(r).ok())
}

/// An event row back into a record (patterns come from its score changes).
#[allow(clippy::too_many_arguments)]
pub(crate) fn event_from_row(
    id: i64,
    recorded_at: &str,
    target_kind: String,
    target_id: String,
    text: Option<String>,
    action: Option<String>,
    edit_distance: Option<i64>,
    classifier: Option<String>,
    reading: Option<String>,
    reward: crate::feedback::reward::Reward,
    changes: Vec<ScoreChange>,
) -> StoredEvent {
    StoredEvent {
        id,
        recorded_at: recorded_at.parse().unwrap_or(0),
        record: FeedbackRecord {
            target_kind,
            target_id,
            patterns: changes
                .iter()
                .map(|c| (c.kind.clone(), c.taxonomy_id.clone()))
                .collect(),
            text,
            action,
            edit_distance: edit_distance.map(|d| d.max(0) as u64),
            classifier,
            reading: reading.and_then(|r| serde_json::from_str(&r).ok()),
            reward,
        },
        changes,
    }
}

/// What generalisation reads from a backend.
#[derive(Debug, Default)]
pub(crate) struct GeneraliseInput {
    /// (project id, name, languages as a JSON array).
    pub projects: Vec<(i64, String, String)>,
    /// (project id, web framework or persistence choice).
    pub frameworks: Vec<(i64, String)>,
    /// (project id, kind, taxonomy id, confidence).
    pub findings: Vec<(i64, String, String, f64)>,
}

/// Patterns from the findings of all projects: support (how many projects, which), the
/// contexts (languages, frameworks, styles) they appear in, what they co-occur with, their
/// mean confidence. Backend-independent; each backend loads the input and stores the result.
pub(crate) fn generalise(input: &GeneraliseInput) -> Vec<Pattern> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut projects: BTreeMap<i64, (String, BTreeSet<String>)> = BTreeMap::new();
    for (id, name, languages) in &input.projects {
        let langs: Vec<String> = serde_json::from_str(languages).unwrap_or_default();
        projects.insert(
            *id,
            (
                name.clone(),
                langs.into_iter().map(|l| format!("language:{l}")).collect(),
            ),
        );
    }
    for (id, choice) in &input.frameworks {
        if let Some((_, ctx)) = projects.get_mut(id) {
            ctx.insert(format!("framework:{choice}"));
        }
    }
    let mut findings: BTreeMap<(String, String), Vec<(i64, f64)>> = BTreeMap::new();
    let mut by_project: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for (project, kind, id, confidence) in &input.findings {
        by_project
            .entry(*project)
            .or_default()
            .insert(format!("{kind}:{id}"));
        if kind == "style" {
            if let Some((_, ctx)) = projects.get_mut(project) {
                ctx.insert(format!("style:{id}"));
            }
        }
        findings
            .entry((kind.clone(), id.clone()))
            .or_default()
            .push((*project, *confidence));
    }
    let count = |items: Vec<String>| -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for item in items {
            *counts.entry(item).or_default() += 1;
        }
        let mut list: Vec<(String, usize)> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list
    };
    findings
        .iter()
        .map(|((kind, id), hits)| {
            let ids: BTreeSet<i64> = hits.iter().map(|(p, _)| *p).collect();
            let key = format!("{kind}:{id}");
            let mean = hits.iter().map(|(_, c)| c).sum::<f64>() / hits.len() as f64;
            Pattern {
                kind: kind.clone(),
                id: id.clone(),
                support: ids.len(),
                projects: ids
                    .iter()
                    .filter_map(|p| projects.get(p).map(|(n, _)| n.clone()))
                    .collect(),
                contexts: count(
                    ids.iter()
                        .filter_map(|p| projects.get(p))
                        .flat_map(|(_, c)| c.iter().cloned())
                        .collect(),
                ),
                co_occurs: count(
                    ids.iter()
                        .filter_map(|p| by_project.get(p))
                        .flat_map(|f| f.iter().filter(|x| **x != key).cloned())
                        .collect(),
                ),
                mean_confidence: (mean * 100.0).round() / 100.0,
                score: 0.0,
                last_used: None,
            }
        })
        .collect()
}

/// A stored project, as listed by `arch kb projects` and searched by `arch kb search`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectSummary {
    /// Name (the analysed folder's).
    pub name: String,
    /// Where it was learned from.
    pub root: String,
    /// Its revision when it was learned, if a git checkout.
    pub revision: Option<String>,
    /// Languages by code volume.
    pub languages: Vec<String>,
    /// The description stored (and embedded).
    pub description: String,
    /// Its findings as `kind:id`.
    pub findings: Vec<String>,
}

/// A stored vector of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectVector {
    /// The project's name.
    pub project: String,
    /// What it embeds: description, findings, structure or decisions.
    pub what: String,
    /// The model that made it.
    pub model: String,
    /// The vector.
    pub vector: Vec<f32>,
}

/// Counts of a knowledge base.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Projects.
    pub projects: usize,
    /// Findings over all projects.
    pub findings: usize,
    /// Decisions over all projects.
    pub decisions: usize,
    /// Generalised patterns.
    pub patterns: usize,
    /// Stored vectors.
    pub embeddings: usize,
}

/// One search result and why it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The project.
    pub project: String,
    /// Combined score in [0, 1].
    pub score: f64,
    /// Best cosine similarity of the query to one of its vectors, and which.
    pub vector: Option<(f64, String)>,
    /// Query words found in its description and findings.
    pub words: Vec<String>,
}

/// Hybrid search: cosine similarity of `query_vector` (when there is an encoder) to each
/// project's stored vectors, blended with the share of query words found in its description
/// and findings. Vector evidence weighs 0.7, words 0.3; without vectors words decide.
pub fn search(
    projects: &[ProjectSummary],
    vectors: &[ProjectVector],
    query: &str,
    query_vector: Option<&[f32]>,
    limit: usize,
) -> Vec<Hit> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 2)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut hits: Vec<Hit> = projects
        .iter()
        .map(|p| {
            let text = format!("{} {}", p.description, p.findings.join(" ")).to_ascii_lowercase();
            let matched: Vec<String> = words
                .iter()
                .filter(|w| text.contains(w.as_str()))
                .cloned()
                .collect();
            let lexical = if words.is_empty() {
                0.0
            } else {
                matched.len() as f64 / words.len() as f64
            };
            let vector = query_vector.and_then(|q| {
                vectors
                    .iter()
                    .filter(|v| v.project == p.name)
                    .map(|v| {
                        (
                            f64::from(crate::embed::cosine(q, &v.vector)),
                            v.what.clone(),
                        )
                    })
                    .max_by(|a, b| a.0.total_cmp(&b.0))
            });
            let score = match &vector {
                Some((cos, _)) => 0.7 * cos.max(0.0) + 0.3 * lexical,
                None => lexical,
            };
            Hit {
                project: p.name.clone(),
                score: (score * 1000.0).round() / 1000.0,
                vector: vector.map(|(c, w)| ((c * 1000.0).round() / 1000.0, w)),
                words: matched,
            }
        })
        .filter(|h| h.score > 0.0)
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.project.cmp(&b.project)));
    hits.truncate(limit);
    hits
}

/// A pattern's replay priority: rare patterns (low support), patterns with strong feedback
/// (either sign) and patterns not replayed for long come first.
/// `priority = 0.5·(1 / support) + 0.3·|score| + 0.2·min(1, days since last use / 30)`;
/// a pattern never replayed counts as 30 days old.
pub fn replay_priority(pattern: &Pattern, score: f64, days_since_use: Option<f64>) -> f64 {
    let rarity = 1.0 / pattern.support.max(1) as f64;
    let age = days_since_use.map(|d| (d / 30.0).min(1.0)).unwrap_or(1.0);
    0.5 * rarity + 0.3 * score.abs().min(1.0) + 0.2 * age
}

/// Draws `n` patterns without replacement, each with probability proportional to its
/// priority, reproducibly for a given `seed`.
pub fn replay_sample(
    patterns: &[Pattern],
    priorities: &[f64],
    n: usize,
    seed: u64,
) -> Vec<(Pattern, f64)> {
    let mut pool: Vec<(Pattern, f64)> = patterns
        .iter()
        .cloned()
        .zip(priorities.iter().copied())
        .collect();
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        // xorshift64*: small, deterministic, enough for weighted sampling.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = Vec::new();
    while out.len() < n && !pool.is_empty() {
        let total: f64 = pool.iter().map(|(_, p)| p.max(1e-9)).sum();
        let mut pick = next() * total;
        let mut index = pool.len() - 1;
        for (i, (_, p)) in pool.iter().enumerate() {
            pick -= p.max(1e-9);
            if pick <= 0.0 {
                index = i;
                break;
            }
        }
        out.push(pool.remove(index));
    }
    out
}

/// A sentence a person can read about a pattern.
pub fn pattern_sentence(p: &Pattern, total_projects: usize) -> String {
    let contexts: Vec<String> = p
        .contexts
        .iter()
        .filter(|(c, _)| !c.starts_with("style:"))
        .take(3)
        .map(|(c, _)| {
            c.split_once(':')
                .map(|(_, v)| v.to_string())
                .unwrap_or_else(|| c.clone())
        })
        .collect();
    let with: Vec<String> = p
        .co_occurs
        .iter()
        .filter(|(_, n)| *n * 2 >= p.support)
        .take(3)
        .map(|(c, _)| {
            c.split_once(':')
                .map(|(_, v)| v.to_string())
                .unwrap_or_else(|| c.clone())
        })
        .collect();
    let mut sentence = format!(
        "{} appears in {} of {} projects",
        p.id, p.support, total_projects
    );
    if !contexts.is_empty() {
        sentence.push_str(&format!(", mostly with {}", contexts.join(", ")));
    }
    if !with.is_empty() {
        sentence.push_str(&format!(", usually together with {}", with.join(", ")));
    }
    sentence.push('.');
    sentence
}

/// The default knowledge base: `$XDG_DATA_HOME/arch/kb.sqlite`.
pub fn default_location() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/share")))
        .map(|d| d.join("arch").join("kb.sqlite"))
}

/// Opens the knowledge base at `location` and brings its schema up to date.
pub fn open(location: &str) -> Result<Box<dyn Store>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        let mut store = postgres::PostgresStore::open(location)?;
        store.migrate()?;
        return Ok(Box::new(store));
    }
    let path = location.strip_prefix("sqlite://").unwrap_or(location);
    if path.contains("://") {
        return Err(KbError::Location(location.to_string()));
    }
    let mut store = sqlite::SqliteStore::open(PathBuf::from(path))?;
    store.migrate()?;
    Ok(Box::new(store))
}

/// A short description of a project for people and embeddings: the first paragraph of its
/// README, then its languages, decisions and main findings.
pub fn describe(analysis: &Analysis) -> String {
    let languages: Vec<&str> = analysis
        .languages
        .iter()
        .take(3)
        .map(|l| l.name.as_str())
        .collect();
    let decisions: Vec<String> = analysis
        .decisions
        .iter()
        .filter(|d| {
            !matches!(
                d.topic,
                crate::detect::DecisionTopic::Adr | crate::detect::DecisionTopic::Language
            )
        })
        .map(|d| d.choice.clone())
        .collect();
    let findings: Vec<String> = analysis.findings.iter().map(|f| f.id.clone()).collect();
    let own_words = analysis
        .project
        .summary
        .as_deref()
        .map(|s| format!("{s} "))
        .unwrap_or_default();
    format!(
        "{own_words}{} written in {}; uses {}; architecture: {}",
        analysis.root,
        languages.join(", "),
        if decisions.is_empty() {
            "no detected frameworks".to_string()
        } else {
            decisions.join(", ")
        },
        if findings.is_empty() {
            "nothing asserted".to_string()
        } else {
            findings.join(", ")
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(id: &str, support: usize) -> Pattern {
        Pattern {
            kind: "design".into(),
            id: id.into(),
            support,
            projects: vec![],
            contexts: vec![("language:python".into(), support)],
            co_occurs: vec![("data:orm".into(), support)],
            mean_confidence: 0.8,
            score: 0.0,
            last_used: None,
        }
    }

    #[test]
    fn times_read_as_utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc(1_795_673_183), "2026-11-26 06:06:23 UTC");
    }

    #[test]
    fn rare_and_strongly_rated_patterns_have_priority() {
        let common = pattern("repository", 10);
        let rare = pattern("unit-of-work", 1);
        assert!(replay_priority(&rare, 0.0, Some(1.0)) > replay_priority(&common, 0.0, Some(1.0)));
        assert!(
            replay_priority(&common, -0.9, Some(1.0)) > replay_priority(&common, 0.0, Some(1.0))
        );
        assert!(replay_priority(&common, 0.0, None) > replay_priority(&common, 0.0, Some(0.0)));
    }

    #[test]
    fn samples_are_distinct_weighted_and_reproducible() {
        let patterns: Vec<Pattern> = (1..=6).map(|i| pattern(&format!("p{i}"), i)).collect();
        let priorities: Vec<f64> = patterns
            .iter()
            .map(|p| replay_priority(p, 0.0, None))
            .collect();
        let a = replay_sample(&patterns, &priorities, 4, 42);
        let b = replay_sample(&patterns, &priorities, 4, 42);
        assert_eq!(a, b);
        let ids: std::collections::BTreeSet<&str> = a.iter().map(|(p, _)| p.id.as_str()).collect();
        assert_eq!(ids.len(), 4, "without replacement");
        assert_eq!(replay_sample(&patterns, &priorities, 10, 1).len(), 6);
    }

    #[test]
    fn search_blends_vectors_and_words_and_says_why() {
        let projects = vec![
            ProjectSummary {
                name: "a".into(),
                root: "/a".into(),
                revision: None,
                languages: vec!["python".into()],
                description: "a written in python; uses Django".into(),
                findings: vec!["data:orm".into()],
            },
            ProjectSummary {
                name: "b".into(),
                root: "/b".into(),
                revision: None,
                languages: vec!["go".into()],
                description: "b written in go".into(),
                findings: vec![],
            },
        ];
        let vector = |project: &str, v: Vec<f32>| ProjectVector {
            project: project.into(),
            what: "description".into(),
            model: "m".into(),
            vector: v,
        };
        let vectors = vec![vector("a", vec![1.0, 0.0]), vector("b", vec![0.0, 1.0])];
        let hits = search(&projects, &vectors, "django orm", Some(&[0.0, 1.0]), 5);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].project, "b", "meaning weighs more than words");
        assert_eq!(hits[1].words, vec!["django".to_string(), "orm".to_string()]);
        let words_only = search(&projects, &vectors, "django orm", None, 5);
        assert_eq!(words_only.len(), 1);
        assert_eq!(words_only[0].project, "a");
    }
}
