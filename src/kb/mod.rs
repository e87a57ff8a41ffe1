//! The knowledge base: projects learned, their findings, decisions and modules, and the
//! patterns generalised across them.
//!
//! One [`Store`] trait; [`open`] picks the backend from a location (a SQLite file path
//! by default, `postgres://…` for a team's server) and returns an error, never a panic, for
//! a location it cannot use. Migrations are numbered SQL files in `migrations/<backend>/`,
//! embedded in the binary, applied in order inside one transaction each, and recorded in
//! `schema_migrations`. Every learn is one transaction: a process killed mid-way leaves
//! the previous state.

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
    #[error("unsupported knowledge-base location {0:?}: use a SQLite file path")]
    Location(String),
    /// PostgreSQL is not in this build yet.
    #[error("{0}: PostgreSQL knowledge bases are not supported by this build yet; use a SQLite file path")]
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
        // The team backend arrives with its own issue; refuse clearly rather than guess.
        return Err(KbError::Location(format!(
            "{location} (PostgreSQL support is not built in yet)"
        )));
    }
    let path = location.strip_prefix("sqlite://").unwrap_or(location);
    if path.contains("://") {
        return Err(KbError::Location(location.to_string()));
    }
    let mut store = sqlite::SqliteStore::open(PathBuf::from(path))?;
    store.migrate()?;
    Ok(Box::new(store))
}

/// A short description of a project for people and embeddings: its languages, decisions
/// and main findings.
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
    format!(
        "{} written in {}; uses {}; architecture: {}",
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
