//! Library errors. Each variant names what is at fault; the CLI adds the hint and the exit code.

use std::path::PathBuf;

/// Everything that can stop a pipeline.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The path to analyse cannot be walked, or an exclude pattern is invalid.
    #[error(transparent)]
    Walk(#[from] crate::walk::WalkError),
    /// A configuration file, environment variable or flag is invalid.
    #[error(transparent)]
    Settings(#[from] crate::settings::SettingsError),
    /// The rules file is invalid.
    #[error(transparent)]
    Rules(#[from] crate::rules::RulesError),
    /// The baseline file is invalid.
    #[error(transparent)]
    Baseline(#[from] crate::rules::baseline::BaselineError),
    /// `--check` without any rules to check.
    #[error("no rules to check: {path} has no `rules:` section")]
    NoRules {
        /// Where they were looked for.
        path: PathBuf,
    },
    /// `--changed-since` could not ask git.
    #[error("cannot list the files changed since {rev}: {message}")]
    Git {
        /// The revision given.
        rev: String,
        /// What git said.
        message: String,
    },
    /// `--explain` names an id that is not in the taxonomy.
    #[error("unknown finding {id:?} for --explain; known ids: {known}")]
    UnknownFinding {
        /// What was asked.
        id: String,
        /// Every valid `kind:id`.
        known: String,
    },
    /// A model cannot be fetched, verified or installed.
    #[error(transparent)]
    Model(#[from] crate::models::ModelError),
    /// The encoder cannot be loaded or run.
    #[error(transparent)]
    Embed(#[from] crate::embed::EmbedError),
    /// The knowledge base cannot be used.
    #[error(transparent)]
    Kb(#[from] crate::kb::KbError),
    /// A feedback event is invalid or names an unknown target.
    #[error(transparent)]
    Feedback(#[from] crate::feedback::FeedbackError),
    /// The labelled texts for `arch feedback train` cannot be read.
    #[error(transparent)]
    FeedbackData(#[from] crate::feedback::data::DataError),
    /// The feedback classifier cannot be loaded or run.
    #[error(transparent)]
    Classifier(#[from] crate::feedback::classifier::ClassifierError),
    /// The parser thread pool could not start.
    #[error("could not start the parser threads: {0} (lower analyze.threads)")]
    ThreadPool(String),
    /// Writing output failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl Error {
    /// Whether the user can fix it by changing the command line or configuration.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Walk(_)
                | Error::Settings(_)
                | Error::UnknownFinding { .. }
                | Error::Rules(_)
                | Error::Baseline(_)
                | Error::NoRules { .. }
                | Error::Git { .. }
                | Error::Model(crate::models::ModelError::Unknown { .. })
                | Error::Kb(crate::kb::KbError::Location(_))
                | Error::Kb(crate::kb::KbError::Analysis { .. })
                | Error::Feedback(_)
                | Error::FeedbackData(_)
                | Error::Classifier(crate::feedback::classifier::ClassifierError::Setting { .. })
                | Error::Classifier(
                    crate::feedback::classifier::ClassifierError::NotInstalled { .. }
                )
        )
    }
}

/// Library result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
