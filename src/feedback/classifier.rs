//! Text → [`Reading`]: sentiment, six emotions and the three signals the product uses.
//!
//! Two backends behind [`Classifier`], both run by the `arch-embed` process (libtorch):
//! the default MiniLM classifier (`models/feedback/`, trained by `arch feedback train`) and
//! a user's RoBERTa-family sequence classifier (`feedback.classifier: roberta:DIR`), whose
//! labels are mapped onto sentiment and emotions by name. [`open`] picks one and returns an
//! error, never panics, when it cannot.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

use super::{Sentiment, EMOTIONS};

/// An emotion counts as present from this probability on.
pub const PRESENT: f32 = 0.5;

/// Sentiment with its probabilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentimentReading {
    /// The most probable class.
    pub label: Sentiment,
    /// Per class, summing to 1.
    pub probabilities: Probabilities,
}

/// Sentiment class probabilities.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Probabilities {
    /// P(positive).
    pub positive: f32,
    /// P(neutral).
    pub neutral: f32,
    /// P(negative).
    pub negative: f32,
}

/// The six emotions, each a probability in [0, 1] (present at ≥ [`PRESENT`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Emotions {
    /// Anger.
    pub anger: f32,
    /// Love (appreciation, gratitude).
    pub love: f32,
    /// Fear (worry, uncertainty).
    pub fear: f32,
    /// Joy.
    pub joy: f32,
    /// Sadness (disappointment).
    pub sadness: f32,
    /// Surprise.
    pub surprise: f32,
}

impl Emotions {
    /// In [`EMOTIONS`] order.
    pub fn to_array(self) -> [f32; 6] {
        [
            self.anger,
            self.love,
            self.fear,
            self.joy,
            self.sadness,
            self.surprise,
        ]
    }

    /// From [`EMOTIONS`] order.
    pub fn from_array(v: [f32; 6]) -> Self {
        Self {
            anger: v[0],
            love: v[1],
            fear: v[2],
            joy: v[3],
            sadness: v[4],
            surprise: v[5],
        }
    }

    /// The names of the emotions present.
    pub fn present(self) -> Vec<&'static str> {
        EMOTIONS
            .iter()
            .zip(self.to_array())
            .filter(|(_, p)| *p >= PRESENT)
            .map(|(n, _)| *n)
            .collect()
    }
}

/// The three signals the reward uses, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// How unhappy the user is with what arch did.
    pub frustration: f32,
    /// How pleased.
    pub satisfaction: f32,
    /// How sure the reading is that the user means it (scales the reward's step).
    pub confidence: f32,
}

/// Everything read from one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// Sentiment.
    pub sentiment: SentimentReading,
    /// Emotions.
    pub emotions: Emotions,
    /// Signals derived from both ([`signals`]).
    pub signals: Signals,
}

impl Reading {
    /// A reading from raw probabilities (sentiment in [`Sentiment::ALL`] order).
    pub fn new(sentiment: [f32; 3], emotions: [f32; 6]) -> Self {
        let total: f32 = sentiment.iter().sum();
        let s = if total > 0.0 {
            sentiment.map(|p| (p / total).clamp(0.0, 1.0))
        } else {
            [0.0, 1.0, 0.0]
        };
        let best = (0..3).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap_or(1);
        let emotions = Emotions::from_array(emotions.map(|p| p.clamp(0.0, 1.0)));
        let probabilities = Probabilities {
            positive: s[0],
            neutral: s[1],
            negative: s[2],
        };
        Self {
            sentiment: SentimentReading {
                label: Sentiment::ALL[best],
                probabilities,
            },
            emotions,
            signals: signals(&probabilities, &emotions),
        }
    }
}

/// The documented mapping from sentiment and emotions to the signals (README, "Feedback"):
///
/// - frustration  = max(P(negative), anger, sadness)
/// - satisfaction = max(P(positive), joy, love)
/// - confidence   = (1 − H(sentiment) / ln 3) · (1 − fear / 2) — a clear polarity raises it,
///   worry and hedging ("not sure this is right") lower it. Surprise is left out: it is
///   as often pleased as displeased.
pub fn signals(p: &Probabilities, e: &Emotions) -> Signals {
    let entropy: f32 = [p.positive, p.neutral, p.negative]
        .iter()
        .filter(|x| **x > 0.0)
        .map(|x| -x * x.ln())
        .sum();
    let clarity = (1.0 - entropy / 3f32.ln()).clamp(0.0, 1.0);
    Signals {
        frustration: p.negative.max(e.anger).max(e.sadness),
        satisfaction: p.positive.max(e.joy).max(e.love),
        confidence: (clarity * (1.0 - e.fear / 2.0)).clamp(0.0, 1.0),
    }
}

/// Classifier errors.
#[derive(Debug, thiserror::Error)]
pub enum ClassifierError {
    /// The classifier setting names no usable model.
    #[error("feedback.classifier {value:?}: {message}")]
    Setting {
        /// What was set.
        value: String,
        /// What is wrong and the fix.
        message: String,
    },
    /// The encoder the default classifier builds on is not installed.
    #[error("the feedback classifier needs the {model} encoder in {dir}; run `arch models fetch {model}`")]
    NotInstalled {
        /// The encoder.
        model: &'static str,
        /// Where it was looked for.
        dir: PathBuf,
    },
    /// `arch-embed` cannot be started.
    #[error("cannot run {exe}: {message} (it is installed next to `arch`)")]
    Launch {
        /// The program.
        exe: PathBuf,
        /// Why.
        message: String,
    },
    /// The model failed.
    #[error("the feedback classifier failed: {0}")]
    Model(String),
}

/// Reads texts.
pub trait Classifier {
    /// What produced the readings (stored with every event).
    fn name(&self) -> String;
    /// One reading per text, in order.
    fn classify(&self, texts: &[String]) -> Result<Vec<Reading>, ClassifierError>;
}

/// The file name of the shipped classifier in `models/feedback/`.
pub const DEFAULT_CLASSIFIER: &str = "minilm-feedback.ot";
/// What `arch-embed classify` takes to mean the classifier compiled into it.
pub const BUILTIN: &str = "builtin";

/// The default classifier: MiniLM with its tuned top and heads, in `arch-embed`.
#[derive(Debug, Clone)]
pub struct MiniLmClassifier {
    exe: PathBuf,
    encoder_dir: PathBuf,
    weights: PathBuf,
}

impl MiniLmClassifier {
    /// The classifier shipped inside `arch-embed` (models/feedback/minilm-feedback.ot at
    /// build time), over the encoder in `encoder_dir`.
    pub fn builtin(exe: PathBuf, encoder_dir: &Path) -> Result<Self, ClassifierError> {
        Self::check_encoder(encoder_dir)?;
        Ok(Self {
            exe,
            encoder_dir: encoder_dir.to_path_buf(),
            weights: PathBuf::from(BUILTIN),
        })
    }

    fn check_encoder(encoder_dir: &Path) -> Result<(), ClassifierError> {
        if !encoder_dir.join("model.safetensors").exists()
            || !encoder_dir.join("vocab.txt").exists()
        {
            return Err(ClassifierError::NotInstalled {
                model: crate::embed::MODEL,
                dir: encoder_dir.to_path_buf(),
            });
        }
        Ok(())
    }

    /// The classifier in `weights` over the encoder in `encoder_dir`.
    pub fn new(exe: PathBuf, encoder_dir: &Path, weights: &Path) -> Result<Self, ClassifierError> {
        if !encoder_dir.join("model.safetensors").exists()
            || !encoder_dir.join("vocab.txt").exists()
        {
            return Err(ClassifierError::NotInstalled {
                model: crate::embed::MODEL,
                dir: encoder_dir.to_path_buf(),
            });
        }
        if !weights.exists() {
            return Err(ClassifierError::Setting {
                value: weights.display().to_string(),
                message: "no such file; run `arch feedback train` or unset it to use the shipped classifier".into(),
            });
        }
        Ok(Self {
            exe,
            encoder_dir: encoder_dir.to_path_buf(),
            weights: weights.to_path_buf(),
        })
    }
}

impl Classifier for MiniLmClassifier {
    fn name(&self) -> String {
        format!(
            "minilm:{}",
            self.weights
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        )
    }

    fn classify(&self, texts: &[String]) -> Result<Vec<Reading>, ClassifierError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        #[derive(Deserialize)]
        struct Reply {
            sentiment: Vec<[f32; 3]>,
            emotions: Vec<[f32; 6]>,
        }
        let input = serde_json::to_vec(texts).map_err(|e| ClassifierError::Model(e.to_string()))?;
        let out = run_embed(
            &self.exe,
            &[
                "classify".as_ref(),
                self.encoder_dir.as_os_str(),
                self.weights.as_os_str(),
            ],
            &input,
        )?;
        let reply: Reply = serde_json::from_slice(&out)
            .map_err(|e| ClassifierError::Model(format!("unreadable reply: {e}")))?;
        if reply.sentiment.len() != texts.len() || reply.emotions.len() != texts.len() {
            return Err(ClassifierError::Model(format!(
                "{} readings for {} texts",
                reply.sentiment.len(),
                texts.len()
            )));
        }
        Ok(reply
            .sentiment
            .into_iter()
            .zip(reply.emotions)
            .map(|(s, e)| Reading::new(s, e))
            .collect())
    }
}

/// Where a RoBERTa classifier's label lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSlot {
    /// A sentiment class ([`Sentiment::index`]).
    Sentiment(usize),
    /// An emotion ([`EMOTIONS`] index).
    Emotion(usize),
    /// Not used (disgust, neutral of an emotion model, …).
    Unused,
}

/// Maps a label name onto sentiment or an emotion, by name, case-insensitively.
pub fn label_slot(label: &str) -> LabelSlot {
    match label.trim().to_lowercase().as_str() {
        "positive" | "pos" => LabelSlot::Sentiment(0),
        "neutral" | "neu" => LabelSlot::Sentiment(1),
        "negative" | "neg" => LabelSlot::Sentiment(2),
        "anger" | "angry" => LabelSlot::Emotion(0),
        "love" => LabelSlot::Emotion(1),
        "fear" | "anxiety" => LabelSlot::Emotion(2),
        "joy" | "happiness" | "happy" => LabelSlot::Emotion(3),
        "sadness" | "sad" => LabelSlot::Emotion(4),
        "surprise" => LabelSlot::Emotion(5),
        _ => LabelSlot::Unused,
    }
}

/// A RoBERTa-family sequence classifier from a directory, run by `arch-embed roberta`.
/// Its labels fill sentiment when they name positive and negative (and usually neutral),
/// and the emotions they name; what it does not cover comes from `fallback` (the default
/// classifier) when one is installed, else stays neutral / absent.
#[derive(Debug, Clone)]
pub struct RobertaClassifier {
    exe: PathBuf,
    dir: PathBuf,
    fallback: Option<MiniLmClassifier>,
}

/// What `arch-embed roberta` replies.
#[derive(Debug, Deserialize)]
struct RobertaReply {
    labels: Vec<String>,
    problem_type: Option<String>,
    logits: Vec<Vec<f32>>,
}

impl RobertaClassifier {
    /// The classifier in `dir`.
    pub fn new(
        exe: PathBuf,
        dir: &Path,
        fallback: Option<MiniLmClassifier>,
    ) -> Result<Self, ClassifierError> {
        if !dir.join("config.json").exists() {
            return Err(ClassifierError::Setting {
                value: format!("roberta:{}", dir.display()),
                message: "no config.json there: point it at a RoBERTa-family sequence classifier directory (config.json with id2label, vocab.json, merges.txt, rust_model.ot or model.safetensors)".into(),
            });
        }
        Ok(Self {
            exe,
            dir: dir.to_path_buf(),
            fallback,
        })
    }

    /// Probabilities from logits: sigmoid for multi-label models, softmax otherwise.
    fn probabilities(reply: &RobertaReply, row: &[f32]) -> Vec<f32> {
        if reply.problem_type.as_deref() == Some("multi_label_classification") {
            row.iter().map(|x| 1.0 / (1.0 + (-x).exp())).collect()
        } else {
            let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let exp: Vec<f32> = row.iter().map(|x| (x - max).exp()).collect();
            let total: f32 = exp.iter().sum();
            exp.iter().map(|x| x / total).collect()
        }
    }
}

impl Classifier for RobertaClassifier {
    fn name(&self) -> String {
        format!("roberta:{}", self.dir.display())
    }

    fn classify(&self, texts: &[String]) -> Result<Vec<Reading>, ClassifierError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let input = serde_json::to_vec(texts).map_err(|e| ClassifierError::Model(e.to_string()))?;
        let out = run_embed(
            &self.exe,
            &["roberta".as_ref(), self.dir.as_os_str()],
            &input,
        )?;
        let reply: RobertaReply = serde_json::from_slice(&out)
            .map_err(|e| ClassifierError::Model(format!("unreadable reply: {e}")))?;
        let slots: Vec<LabelSlot> = reply.labels.iter().map(|l| label_slot(l)).collect();
        let has = |i| slots.contains(&LabelSlot::Sentiment(i));
        let gives_sentiment = has(0) && has(2);
        let gives_emotion: Vec<bool> = (0..6)
            .map(|j| slots.contains(&LabelSlot::Emotion(j)))
            .collect();
        if !gives_sentiment && !gives_emotion.iter().any(|g| *g) {
            return Err(ClassifierError::Setting {
                value: self.name(),
                message: format!(
                    "none of its labels ({}) names a sentiment (positive, neutral, negative) or an emotion ({}); rename them in id2label of config.json",
                    reply.labels.join(", "),
                    EMOTIONS.join(", ")
                ),
            });
        }
        if reply.logits.len() != texts.len() {
            return Err(ClassifierError::Model(format!(
                "{} readings for {} texts",
                reply.logits.len(),
                texts.len()
            )));
        }
        let fallback = match &self.fallback {
            Some(f) if !gives_sentiment || gives_emotion.iter().any(|g| !g) => {
                Some(f.classify(texts)?)
            }
            _ => None,
        };
        Ok(reply
            .logits
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let p = Self::probabilities(&reply, row);
                let base = fallback.as_ref().map(|f| &f[i]);
                let mut sentiment = base
                    .map(|r| {
                        let s = r.sentiment.probabilities;
                        [s.positive, s.neutral, s.negative]
                    })
                    .unwrap_or([0.0, 1.0, 0.0]);
                let mut emotions = base.map(|r| r.emotions.to_array()).unwrap_or([0.0; 6]);
                if gives_sentiment {
                    sentiment = [0.0; 3];
                }
                for (slot, prob) in slots.iter().zip(&p) {
                    match slot {
                        LabelSlot::Sentiment(k) if gives_sentiment => sentiment[*k] += prob,
                        LabelSlot::Emotion(k) => emotions[*k] = *prob,
                        _ => {}
                    }
                }
                Reading::new(sentiment, emotions)
            })
            .collect())
    }
}

/// Picks the classifier `spec` names: `default` (or none), a trained file, or
/// `roberta:DIR`. `models_dir` holds the MiniLM encoder.
pub fn open(
    spec: Option<&str>,
    models_dir: &Path,
    exe: PathBuf,
) -> Result<Box<dyn Classifier>, ClassifierError> {
    let encoder_dir = models_dir.join(crate::embed::MODEL);
    let default = || MiniLmClassifier::builtin(exe.clone(), &encoder_dir);
    match spec.map(str::trim) {
        None | Some("") | Some("default") => Ok(Box::new(default()?)),
        Some(s) if s.starts_with("roberta:") => {
            let dir = Path::new(&s["roberta:".len()..]);
            Ok(Box::new(RobertaClassifier::new(
                exe.clone(),
                dir,
                default().ok(),
            )?))
        }
        Some(file) => Ok(Box::new(MiniLmClassifier::new(
            exe.clone(),
            &encoder_dir,
            Path::new(file),
        )?)),
    }
}

/// Runs `arch-embed` with `args`, `input` on stdin; its stdout, or its message.
pub fn run_embed(
    exe: &Path,
    args: &[&std::ffi::OsStr],
    input: &[u8],
) -> Result<Vec<u8>, ClassifierError> {
    let launch = |message: String| ClassifierError::Launch {
        exe: exe.to_path_buf(),
        message,
    };
    let mut child = Command::new(exe)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| launch(e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).map_err(|e| launch(e.to_string()))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| launch(e.to_string()))?;
    if !out.status.success() {
        return Err(ClassifierError::Model(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_follow_the_documented_mapping() {
        let r = Reading::new([0.1, 0.2, 0.7], [0.8, 0.0, 0.0, 0.0, 0.3, 0.0]);
        assert_eq!(r.sentiment.label, Sentiment::Negative);
        assert!((r.signals.frustration - 0.8).abs() < 1e-6);
        assert!((r.signals.satisfaction - 0.1).abs() < 1e-6);
        // A certain polarity and no fear: confidence near 1; uniform polarity: 0.
        let sure = Reading::new([1.0, 0.0, 0.0], [0.0; 6]);
        assert!((sure.signals.confidence - 1.0).abs() < 1e-6);
        let unsure = Reading::new([1.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.0, 0.0, 0.0]);
        assert!(unsure.signals.confidence.abs() < 1e-6);
        let worried = Reading::new([1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 0.0, 0.0]);
        assert!((worried.signals.confidence - 0.5).abs() < 1e-6);
    }

    #[test]
    fn labels_map_by_name() {
        assert_eq!(label_slot("POSITIVE"), LabelSlot::Sentiment(0));
        assert_eq!(label_slot("neg"), LabelSlot::Sentiment(2));
        assert_eq!(label_slot("Joy"), LabelSlot::Emotion(3));
        assert_eq!(label_slot("sadness"), LabelSlot::Emotion(4));
        assert_eq!(label_slot("disgust"), LabelSlot::Unused);
        assert_eq!(label_slot("LABEL_0"), LabelSlot::Unused);
    }

    #[test]
    fn emotions_present_from_one_half() {
        let e = Emotions::from_array([0.5, 0.49, 0.0, 0.9, 0.0, 0.0]);
        assert_eq!(e.present(), vec!["anger", "joy"]);
    }
}
