//! Embeddings: text → 384-d vectors with all-MiniLM-L6-v2, run locally by rust-bert on
//! libtorch, the same computation as sentence-transformers (BERT, mean pooling over the
//! attention mask, L2 normalisation). A parity test holds it to reference vectors produced by
//! sentence-transformers (`tests/data/minilm_reference.json`).
//!
//! libtorch is loaded only by the `arch-embed` binary (`src/bin/arch-embed.rs`):
//! [`ProcessEncoder`] starts it with the texts and reads back the vectors, so the rest of
//! `arch` starts in milliseconds. The weights come from `arch models fetch all-minilm-l6-v2`
//! (verified by sha256), which also runs `arch-embed convert` to write `rust_model.ot`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The encoder's name in `models/manifest.yaml`.
pub const MODEL: &str = "all-minilm-l6-v2";
/// Its output dimension.
pub const DIM: usize = 384;
/// Texts encoded per forward pass.
pub const BATCH: usize = 32;

/// Embedding errors.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The model files are not installed.
    #[error("the {MODEL} encoder is not installed in {0}; run `arch models fetch {MODEL}`")]
    NotInstalled(PathBuf),
    /// `arch-embed` cannot be found or started.
    #[error("cannot run the encoder {exe}: {message} (it is installed next to `arch`)")]
    Launch {
        /// The program.
        exe: PathBuf,
        /// Why.
        message: String,
    },
    /// The encoder failed.
    #[error("the {MODEL} encoder failed: {0}")]
    Model(String),
}

/// Turns texts into vectors.
pub trait Embedder {
    /// The model's name, stored beside every vector.
    fn model(&self) -> &str;
    /// One normalised vector per text, in order.
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbedError>;
}

/// all-MiniLM-L6-v2 in an `arch-embed` process.
#[derive(Debug, Clone)]
pub struct ProcessEncoder {
    exe: PathBuf,
    model_dir: PathBuf,
}

/// `arch-embed` next to the running executable (where `cargo install` and the build put it).
pub fn encoder_exe() -> PathBuf {
    let name = format!("arch-embed{}", std::env::consts::EXE_SUFFIX);
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(&name)))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from(name))
}

impl ProcessEncoder {
    /// The encoder for the model installed in `model_dir`, run by `exe`.
    pub fn new(exe: PathBuf, model_dir: &Path) -> Result<Self, EmbedError> {
        if !model_dir.join("model.safetensors").exists() || !model_dir.join("vocab.txt").exists() {
            return Err(EmbedError::NotInstalled(model_dir.to_path_buf()));
        }
        Ok(Self {
            exe,
            model_dir: model_dir.to_path_buf(),
        })
    }

    fn run(&self, command: &str, input: Option<&[u8]>) -> Result<Vec<u8>, EmbedError> {
        let launch = |message: String| EmbedError::Launch {
            exe: self.exe.clone(),
            message,
        };
        let mut child = Command::new(&self.exe)
            .arg(command)
            .arg(&self.model_dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| launch(e.to_string()))?;
        if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
            stdin.write_all(input).map_err(|e| launch(e.to_string()))?;
        }
        let out = child
            .wait_with_output()
            .map_err(|e| launch(e.to_string()))?;
        if !out.status.success() {
            return Err(EmbedError::Model(
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            ));
        }
        Ok(out.stdout)
    }

    /// Writes `rust_model.ot` from the verified safetensors.
    pub fn convert(&self) -> Result<(), EmbedError> {
        self.run("convert", None).map(|_| ())
    }
}

impl Embedder for ProcessEncoder {
    fn model(&self) -> &str {
        MODEL
    }

    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let input = serde_json::to_vec(texts).map_err(|e| EmbedError::Model(e.to_string()))?;
        let output = self.run("encode", Some(&input))?;
        #[derive(serde::Deserialize)]
        struct Reply {
            vectors: Vec<Vec<f32>>,
        }
        let reply: Reply = serde_json::from_slice(&output)
            .map_err(|e| EmbedError::Model(format!("unreadable reply: {e}")))?;
        if reply.vectors.len() != texts.len() {
            return Err(EmbedError::Model(format!(
                "{} vectors for {} texts",
                reply.vectors.len(),
                texts.len()
            )));
        }
        Ok(reply.vectors)
    }
}

/// Unit length, as sentence-transformers' Normalize module does.
pub fn normalise(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// Cosine similarity of two vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}
