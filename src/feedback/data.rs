//! The labelled developer texts behind the default classifier (`../shared/data/feedback/`,
//! never committed): one reader per published format, duplicates merged, conflicting labels
//! dropped, and a split by content hash so a text and its duplicates always land on the same
//! side (random splits leak duplicates into validation and flatter the metrics).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Sentiment;

/// One labelled text. Labels a source does not give are `None` (masked in training).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Example {
    /// The text as written.
    pub text: String,
    /// Which file it came from.
    pub source: String,
    /// Polarity, when the source labels it.
    pub sentiment: Option<Sentiment>,
    /// Per emotion in [`super::EMOTIONS`] order: present, absent or not labelled.
    pub emotions: [Option<bool>; 6],
}

/// Which side of the split a text is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// Trained on.
    Train,
    /// Held out: the model card's metrics.
    Validation,
    /// A published test file, never trained on (out-of-domain check).
    Test,
}

/// The corpus, split.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    /// Every example with its split.
    pub examples: Vec<(Example, Split)>,
    /// Rows that could not be read or were dropped, with why (for the model card).
    pub dropped: Vec<String>,
}

impl Corpus {
    /// The examples on one side.
    pub fn split(&self, split: Split) -> impl Iterator<Item = &Example> {
        self.examples
            .iter()
            .filter(move |(_, s)| *s == split)
            .map(|(e, _)| e)
    }
}

/// Data errors.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The directory or a file is missing.
    #[error("{path}: {message} (point --data at ../shared/data/feedback or a copy of it)")]
    Missing {
        /// What.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

/// Fraction of each GitHub file held out for validation.
pub const VALIDATION_SHARE: f64 = 0.2;

/// The source names (file stems) the metrics are reported on.
pub const GITHUB_SENTIMENT: &str = "github_gold_train";
/// GitHub six-emotion source.
pub const GITHUB_EMOTIONS: &str = "github_emotions_train";
/// Stack Overflow polarity test file (out of domain for the GitHub goal).
pub const SO_SENTIMENT_TEST: &str = "senti4sd_test1326itemPOLARITY";

/// Reads every known file in `dir` and splits it.
pub fn load(dir: &Path) -> Result<Corpus, DataError> {
    if !dir.is_dir() {
        return Err(DataError::Missing {
            path: dir.to_path_buf(),
            message: "not a directory".into(),
        });
    }
    let read = |name: &str| -> Result<String, DataError> {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).map_err(|e| DataError::Missing {
            path: path.clone(),
            message: e.to_string(),
        })?;
        Ok(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))
    };
    let mut raw: Vec<Example> = Vec::new();
    let mut dropped = Vec::new();

    // Polarity.
    for (row, line) in read("github_gold_train.csv")?.lines().enumerate().skip(1) {
        match line.splitn(3, ';').collect::<Vec<_>>().as_slice() {
            [_, label, text] => push_sentiment(&mut raw, GITHUB_SENTIMENT, text, label),
            _ => dropped.push(format!(
                "github_gold_train.csv:{}: not id;label;text",
                row + 1
            )),
        }
    }
    for file in ["senti4sd_train3098itemPOLARITY", SO_SENTIMENT_TEST] {
        for (row, line) in read(&format!("{file}.csv"))?.lines().enumerate() {
            match line.splitn(3, ';').collect::<Vec<_>>().as_slice() {
                [_, label, text] => push_sentiment(&mut raw, file, text, label),
                _ => dropped.push(format!("{file}.csv:{}: not id;label;text", row + 1)),
            }
        }
    }
    for (row, (text, label)) in tsv(&read("jira_polarity.tsv")?).into_iter().enumerate() {
        let label = match label.as_str() {
            "1" => "positive",
            "0" => "neutral",
            "-1" => "negative",
            _ => {
                dropped.push(format!("jira_polarity.tsv:{}: label {label:?}", row + 1));
                continue;
            }
        };
        push_sentiment(&mut raw, "jira_polarity", &text, label);
    }

    // Emotions: GitHub six-emotion, multi-label.
    let text = read("github_emotions_train.csv")?;
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = rdr.headers().cloned().unwrap_or_default();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let text_col = column("modified_comment");
    let emotion_cols: Vec<Option<usize>> = ["Anger", "Love", "Fear", "Joy", "Sadness", "Surprise"]
        .iter()
        .map(|n| column(n))
        .collect();
    for (row, record) in rdr.records().enumerate() {
        let Ok(record) = record else {
            dropped.push(format!("github_emotions_train.csv:{}: unreadable", row + 2));
            continue;
        };
        let Some(text) = text_col.and_then(|c| record.get(c)) else {
            continue;
        };
        let mut emotions = [None; 6];
        for (slot, col) in emotions.iter_mut().zip(&emotion_cols) {
            *slot = col.and_then(|c| record.get(c)).map(|v| v.trim() == "1");
        }
        raw.push(Example {
            text: text.to_string(),
            source: GITHUB_EMOTIONS.into(),
            sentiment: None,
            emotions,
        });
    }

    // Stack Overflow: the same 4,800 texts in the same order, one file per emotion.
    let so: Vec<Vec<(String, String)>> = ["ANGER", "JOY", "LOVE", "SAD"]
        .iter()
        .map(|e| read(&format!("so_emotion_{e}.tsv")).map(|t| tsv(&t)))
        .collect::<Result<_, _>>()?;
    for (i, (text, _)) in so[0].iter().enumerate() {
        let mut emotions = [None; 6];
        for (file, slot) in so.iter().zip([0usize, 3, 1, 4]) {
            match file.get(i) {
                Some((t, label)) if t == text => emotions[slot] = Some(label == "1"),
                _ => dropped.push(format!("so_emotion files disagree at row {}", i + 1)),
            }
        }
        raw.push(Example {
            text: text.clone(),
            source: "so_emotion".into(),
            sentiment: None,
            emotions,
        });
    }
    // Jira: each file labels one emotion on its own sample.
    for (e, slot) in [("ANGER", 0usize), ("LOVE", 1), ("JOY", 3), ("SAD", 4)] {
        for (text, label) in tsv(&read(&format!("jira_emotion_{e}.tsv"))?) {
            let mut emotions = [None; 6];
            emotions[slot] = Some(label == "1");
            raw.push(Example {
                text,
                source: format!("jira_emotion_{e}"),
                sentiment: None,
                emotions,
            });
        }
    }
    let (examples, conflicts) = merge(raw);
    dropped.extend(conflicts);
    let examples: Vec<(Example, Split)> = examples
        .into_iter()
        .map(|e| {
            let split = split_of(&e);
            (e, split)
        })
        .collect();
    // A held-out text must not be trained on under another source's label either (the
    // Stack Overflow polarity and emotion files share texts, for one).
    let held_out: std::collections::HashSet<String> = examples
        .iter()
        .filter(|(_, s)| *s != Split::Train)
        .map(|(e, _)| normalised(&e.text))
        .collect();
    let before = examples.len();
    let examples: Vec<(Example, Split)> = examples
        .into_iter()
        .filter(|(e, s)| *s != Split::Train || !held_out.contains(&normalised(&e.text)))
        .collect();
    if before > examples.len() {
        dropped.push(format!(
            "{} training texts also held out under another source: not trained on",
            before - examples.len()
        ));
    }
    Ok(Corpus { examples, dropped })
}

fn push_sentiment(raw: &mut Vec<Example>, source: &str, text: &str, label: &str) {
    let sentiment = match label.trim() {
        "positive" => Sentiment::Positive,
        "neutral" => Sentiment::Neutral,
        "negative" => Sentiment::Negative,
        _ => return,
    };
    raw.push(Example {
        text: text.trim_matches('"').to_string(),
        source: source.into(),
        sentiment: Some(sentiment),
        emotions: [None; 6],
    });
}

/// `text<TAB>label` lines read with quoting off: the label is after the last tab.
fn tsv(content: &str) -> Vec<(String, String)> {
    content
        .lines()
        .filter_map(|line| {
            let (text, label) = line.rsplit_once('\t')?;
            let text = text.trim().trim_matches('"').trim();
            (!text.is_empty()).then(|| (text.to_string(), label.trim().to_string()))
        })
        .collect()
}

/// The key duplicates share: lower case, whitespace collapsed.
pub fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Merges duplicates within a source; a label the copies disagree on is dropped (masked).
fn merge(raw: Vec<Example>) -> (Vec<Example>, Vec<String>) {
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut out: Vec<Example> = Vec::new();
    let mut conflicting: Vec<(bool, [bool; 6])> = Vec::new();
    for e in raw {
        let key = (e.source.clone(), normalised(&e.text));
        match index.get(&key) {
            None => {
                index.insert(key, out.len());
                out.push(e);
                conflicting.push((false, [false; 6]));
            }
            Some(&i) => {
                let (sent_conflict, emo_conflict) = &mut conflicting[i];
                let kept = &mut out[i];
                if let Some(s) = e.sentiment {
                    match kept.sentiment {
                        None if !*sent_conflict => kept.sentiment = Some(s),
                        Some(k) if k != s => {
                            kept.sentiment = None;
                            *sent_conflict = true;
                        }
                        _ => {}
                    }
                }
                for ((slot, conflict), given) in kept
                    .emotions
                    .iter_mut()
                    .zip(emo_conflict.iter_mut())
                    .zip(e.emotions)
                {
                    if let Some(v) = given {
                        match *slot {
                            None if !*conflict => *slot = Some(v),
                            Some(k) if k != v => {
                                *slot = None;
                                *conflict = true;
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    let mut notes = Vec::new();
    let mut kept = Vec::new();
    for (e, (s, emo)) in out.into_iter().zip(conflicting) {
        if s || emo.iter().any(|c| *c) {
            notes.push(format!(
                "{}: conflicting labels on {:?}",
                e.source,
                short(&e.text)
            ));
        }
        if e.sentiment.is_some() || e.emotions.iter().any(Option::is_some) {
            kept.push(e);
        }
    }
    (kept, notes)
}

fn short(text: &str) -> String {
    text.chars().take(60).collect()
}

/// The split: published test files are test; GitHub texts go to validation when the hash
/// of their normalised text falls in the held-out share; everything else trains.
pub fn split_of(e: &Example) -> Split {
    if e.source == SO_SENTIMENT_TEST {
        return Split::Test;
    }
    if e.source == GITHUB_SENTIMENT || e.source == GITHUB_EMOTIONS {
        let h = xxhash_rust::xxh3::xxh3_64(normalised(&e.text).as_bytes());
        if (h % 1000) as f64 / 1000.0 < VALIDATION_SHARE {
            return Split::Validation;
        }
    }
    Split::Train
}
