//! `arch feedback train`: builds the default classifier from the labelled texts and
//! measures it on the held-out ones. The model card quotes [`Evaluation`] as written here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

use super::classifier::{Classifier, ClassifierError, PRESENT};
use super::data::{self, Corpus, Example, Split};
use super::metrics::{self, ClassScore};
use super::{Sentiment, EMOTIONS};

/// Training hyper-parameters; the defaults are what the shipped classifier was built with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrainOptions {
    /// Encoder layers fine-tuned (from the top); the rest stay frozen.
    pub tuned_layers: usize,
    /// Passes over the training texts.
    pub epochs: usize,
    /// Peak learning rate (linear warm-up over 10% of the steps, then linear decay).
    pub learning_rate: f64,
    /// Texts per step.
    pub batch_size: usize,
    /// Seed for initialisation and batch order.
    pub seed: u64,
    /// How many times each GitHub six-emotion text is shown per epoch: it is the only
    /// source of fear and surprise and the smallest one, so it is oversampled.
    pub emotion_oversampling: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            tuned_layers: 2,
            epochs: 3,
            learning_rate: 1e-4,
            batch_size: 32,
            seed: 42,
            emotion_oversampling: 3,
        }
    }
}

/// Scores of one single-label task.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskScore {
    /// Texts scored.
    pub texts: usize,
    /// Macro-F1 over the classes.
    pub macro_f1: f64,
    /// Per class, by name.
    pub classes: Vec<(String, ClassScore)>,
}

/// What `arch feedback train` measured on held-out texts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Evaluation {
    /// Sentiment on the held-out GitHub comments (the goal's set).
    pub github_sentiment: TaskScore,
    /// Six emotions on the held-out GitHub comments (the goal's set).
    pub github_emotions: TaskScore,
    /// Sentiment on the published Stack Overflow test file (never trained on).
    pub stack_overflow_sentiment: TaskScore,
    /// Training texts per source.
    pub training_texts: Vec<(String, usize)>,
    /// Rows dropped while reading (duplicates with conflicting labels and the like).
    pub dropped: usize,
    /// The hyper-parameters.
    pub options: TrainOptions,
}

/// The request `arch-embed train` reads.
#[derive(Serialize)]
struct Request<'a> {
    options: &'a TrainOptions,
    examples: Vec<WireExample<'a>>,
}

#[derive(Serialize)]
struct WireExample<'a> {
    text: &'a str,
    sentiment: Option<usize>,
    emotions: [Option<bool>; 6],
}

/// Trains on `corpus`'s training split, writes the classifier to `out`.
pub fn train(
    exe: &Path,
    encoder_dir: &Path,
    corpus: &Corpus,
    options: &TrainOptions,
    out: &Path,
) -> Result<(), ClassifierError> {
    let request = Request {
        options,
        examples: corpus
            .split(Split::Train)
            .flat_map(|e| {
                let copies = if e.source == data::GITHUB_EMOTIONS {
                    options.emotion_oversampling.max(1)
                } else {
                    1
                };
                std::iter::repeat_n(e, copies)
            })
            .map(|e| WireExample {
                text: &e.text,
                sentiment: e.sentiment.map(Sentiment::index),
                emotions: e.emotions,
            })
            .collect(),
    };
    let input = serde_json::to_vec(&request).map_err(|e| ClassifierError::Model(e.to_string()))?;
    let launch = |message: String| ClassifierError::Launch {
        exe: exe.to_path_buf(),
        message,
    };
    // Progress goes straight to the user's stderr: training takes minutes.
    let mut child = Command::new(exe)
        .arg("train")
        .arg(encoder_dir)
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| launch(e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(&input).map_err(|e| launch(e.to_string()))?;
    }
    let status = child.wait().map_err(|e| launch(e.to_string()))?;
    if !status.success() {
        return Err(ClassifierError::Model(format!(
            "training failed ({status}); see the messages above"
        )));
    }
    Ok(())
}

/// Scores a classifier on the corpus's held-out texts.
pub fn evaluate(
    classifier: &dyn Classifier,
    corpus: &Corpus,
    options: &TrainOptions,
) -> Result<Evaluation, ClassifierError> {
    let held: Vec<&Example> = corpus
        .examples
        .iter()
        .filter(|(_, s)| *s != Split::Train)
        .map(|(e, _)| e)
        .collect();
    let texts: Vec<String> = held.iter().map(|e| e.text.clone()).collect();
    let readings = classifier.classify(&texts)?;
    let sentiment_of = |source: &str| {
        let pairs: Vec<(usize, usize)> = held
            .iter()
            .zip(&readings)
            .filter(|(e, _)| e.source == source)
            .filter_map(|(e, r)| Some((e.sentiment?.index(), r.sentiment.label.index())))
            .collect();
        let scores = metrics::multiclass(&pairs, 3);
        TaskScore {
            texts: pairs.len(),
            macro_f1: metrics::macro_f1(&scores),
            classes: Sentiment::ALL
                .iter()
                .map(|s| s.name().to_string())
                .zip(scores)
                .collect(),
        }
    };
    let emotion_rows: Vec<(&Example, [f32; 6])> = held
        .iter()
        .zip(&readings)
        .filter(|(e, _)| e.source == data::GITHUB_EMOTIONS)
        .map(|(e, r)| (*e, r.emotions.to_array()))
        .collect();
    let per_emotion: Vec<ClassScore> = (0..6)
        .map(|j| {
            let pairs: Vec<(bool, bool)> = emotion_rows
                .iter()
                .filter_map(|(e, p)| Some((e.emotions[j]?, p[j] >= PRESENT)))
                .collect();
            metrics::binary(&pairs)
        })
        .collect();
    let mut training: std::collections::BTreeMap<String, usize> = Default::default();
    for e in corpus.split(Split::Train) {
        *training.entry(e.source.clone()).or_default() += 1;
    }
    Ok(Evaluation {
        github_sentiment: sentiment_of(data::GITHUB_SENTIMENT),
        stack_overflow_sentiment: sentiment_of(data::SO_SENTIMENT_TEST),
        github_emotions: TaskScore {
            texts: emotion_rows.len(),
            macro_f1: metrics::macro_f1(&per_emotion),
            classes: EMOTIONS
                .iter()
                .map(|s| s.to_string())
                .zip(per_emotion)
                .collect(),
        },
        training_texts: training.into_iter().collect(),
        dropped: corpus.dropped.len(),
        options: options.clone(),
    })
}

/// Where `arch feedback train` writes by default: the project's `models/feedback/`.
pub fn default_output() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models/feedback")
        .join(super::classifier::DEFAULT_CLASSIFIER)
}
