//! Feedback: what users say and do about `arch`'s output becomes a reward that moves the
//! scores of the knowledge base's patterns.
//!
//! ```text
//! text ─▶ classifier (arch-embed process) ─▶ sentiment + six emotions ─▶ signals
//!                                                                        │
//! action (accept / edit N / delete / ignore) ─▶ implicit ────────────────┴─▶ reward ─▶ kb scores
//! ```
//!
//! The classifier runs where libtorch is linked (`src/bin/arch-embed/`): the default one is
//! the MiniLM encoder with its top layers and two heads fine-tuned on labelled developer
//! texts ([`data`], `arch feedback train`); a user's RoBERTa-family sequence classifier can
//! replace it ([`classifier`]). Everything here is plain arithmetic so it can be audited and
//! tested without a model.

pub mod classifier;
pub mod data;
pub mod metrics;
pub mod reward;
pub mod train;

use serde::{Deserialize, Serialize};

/// Longest input the classifiers read, in word pieces (first tokens kept).
pub const MAX_TOKENS: usize = 128;
/// Characters of a text the classifiers read: 1 MB of text tokenizes to the same first
/// [`MAX_TOKENS`] pieces, only slower. The whole text is still stored.
pub const MAX_CHARS: usize = 4_000;

/// The six basic emotions, in the order every vector in this module uses.
pub const EMOTIONS: [&str; 6] = ["anger", "love", "fear", "joy", "sadness", "surprise"];

/// Polarity of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    /// Pleased, thankful, approving.
    Positive,
    /// Factual.
    Neutral,
    /// Unhappy, critical, angry.
    Negative,
}

impl Sentiment {
    /// Class order of the sentiment head.
    pub const ALL: [Sentiment; 3] = [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative];

    /// Index in [`Sentiment::ALL`].
    pub fn index(self) -> usize {
        match self {
            Sentiment::Positive => 0,
            Sentiment::Neutral => 1,
            Sentiment::Negative => 2,
        }
    }

    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Neutral => "neutral",
            Sentiment::Negative => "negative",
        }
    }
}

/// Feedback errors a user can fix.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    /// `--on` names nothing arch knows.
    #[error("unknown target {given:?}: {message}")]
    UnknownTarget {
        /// What was given.
        given: String,
        /// Why and what would work.
        message: String,
    },
    /// The event has neither a text nor an action, or contradicts itself.
    #[error("{0}")]
    Invalid(String),
}

/// What an event is about, resolved: its kind and id, and the patterns behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// finding, pattern, suggestion, …
    pub kind: String,
    /// The id, normalised (`design/repository` for findings and patterns).
    pub id: String,
    /// (kind, taxonomy id) of each pattern whose score the event moves.
    pub patterns: Vec<(String, String)>,
}

/// Resolves `--on`: `finding:KIND/ID` (or `finding:ID` when the id names one kind),
/// `pattern:KIND/ID` (a pattern the knowledge base has learned), `suggestion:ID`.
pub fn resolve_target(on: &str, learned: &[crate::kb::Pattern]) -> Result<Target, FeedbackError> {
    let unknown = |message: String| FeedbackError::UnknownTarget {
        given: on.to_string(),
        message,
    };
    let (kind, id) = on.split_once(':').ok_or_else(|| {
        unknown("write it as finding:KIND/ID, pattern:KIND/ID or suggestion:ID".into())
    })?;
    let id = id.trim();
    let split = |id: &str| -> (Option<String>, String) {
        match id.split_once(['/', ':']) {
            Some((k, i)) => (Some(k.to_string()), i.to_string()),
            None => (None, id.to_string()),
        }
    };
    match kind.trim() {
        "finding" => {
            let (want_kind, want_id) = split(id);
            let matches: Vec<(String, String)> = crate::detect::TAXONOMY
                .iter()
                .flat_map(|(k, ids)| ids.iter().map(move |i| (k.as_str().to_string(), i.to_string())))
                .filter(|(k, i)| *i == want_id && want_kind.as_ref().is_none_or(|w| w == k))
                .collect();
            match matches.as_slice() {
                [] => Err(unknown(format!(
                    "{id:?} is not a taxonomy id; `arch analyze --explain` lists them (kinds: style, design, communication, data)"
                ))),
                [(k, i)] => Ok(Target {
                    kind: "finding".into(),
                    id: format!("{k}/{i}"),
                    patterns: matches.clone(),
                }),
                _ => Err(unknown(format!(
                    "{id:?} names a finding of several kinds; say which: {}",
                    matches
                        .iter()
                        .map(|(k, i)| format!("finding:{k}/{i}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        }
        "pattern" => {
            let (want_kind, want_id) = split(id);
            let found: Vec<&crate::kb::Pattern> = learned
                .iter()
                .filter(|p| p.id == want_id && want_kind.as_ref().is_none_or(|w| *w == p.kind))
                .collect();
            match found.as_slice() {
                [p] => Ok(Target {
                    kind: "pattern".into(),
                    id: format!("{}/{}", p.kind, p.id),
                    patterns: vec![(p.kind.clone(), p.id.clone())],
                }),
                [] => Err(unknown(format!(
                    "the knowledge base has no learned pattern {id:?}; `arch kb patterns` lists them ({} learned)",
                    learned.len()
                ))),
                many => Err(unknown(format!(
                    "several patterns are called {id:?}; say which: {}",
                    many.iter()
                        .map(|p| format!("pattern:{}/{}", p.kind, p.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        }
        "suggestion" => Err(unknown(format!(
            "no suggestion {id:?} is stored: the knowledge base holds no suggestions yet (they are recorded when `arch suggest` makes them)"
        ))),
        other => Err(unknown(format!(
            "{other:?} is not a target kind; use finding, pattern or suggestion"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(kind: &str, id: &str) -> crate::kb::Pattern {
        crate::kb::Pattern {
            kind: kind.into(),
            id: id.into(),
            support: 1,
            projects: vec![],
            contexts: vec![],
            co_occurs: vec![],
            mean_confidence: 0.9,
            score: 0.0,
            last_used: None,
        }
    }

    #[test]
    fn targets_resolve_to_the_patterns_behind_them() {
        let t = resolve_target("finding:design/repository", &[]).unwrap();
        assert_eq!(t.id, "design/repository");
        assert_eq!(t.patterns, vec![("design".into(), "repository".into())]);
        assert_eq!(resolve_target("finding:repository", &[]).unwrap(), t);
        let p = resolve_target("pattern:repository", &[learned("design", "repository")]).unwrap();
        assert_eq!(p.kind, "pattern");
        assert_eq!(p.patterns, t.patterns);
    }

    #[test]
    fn unknown_targets_say_what_would_work() {
        for (on, says) in [
            ("finding:design/nope", "not a taxonomy id"),
            ("pattern:design/repository", "no learned pattern"),
            ("suggestion:42", "no suggestion \"42\""),
            ("thing:1", "not a target kind"),
            ("repository", "finding:KIND/ID"),
        ] {
            let e = resolve_target(on, &[]).unwrap_err().to_string();
            assert!(e.contains(says), "{on}: {e}");
        }
    }
}
