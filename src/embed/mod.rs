//! Embeddings: text → 384-d vectors with all-MiniLM-L6-v2, run locally by rust-bert on
//! libtorch, the same computation as sentence-transformers (BERT, mean pooling over the
//! attention mask, L2 normalisation). A parity test holds it to reference vectors computed
//! independently (`scripts/reference_embeddings.py`).
//!
//! The weights come from `arch models fetch all-minilm-l6-v2` (verified by sha256); tch 0.10
//! reads libtorch tensor files, not safetensors, so [`convert`] writes `rust_model.ot` from
//! `model.safetensors` once, right after the fetch.

use std::path::{Path, PathBuf};

use rust_bert::pipelines::sentence_embeddings::{SentenceEmbeddingsBuilder, SentenceEmbeddingsModel};

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
    /// Converting the weights failed.
    #[error("cannot convert {path} for libtorch: {message}")]
    Convert {
        /// The weights file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// rust-bert failed to load or run the model.
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

/// all-MiniLM-L6-v2 through rust-bert.
pub struct MiniLm {
    model: SentenceEmbeddingsModel,
}

impl MiniLm {
    /// Loads the encoder from its installed folder (converting the weights if needed).
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        if !dir.join("model.safetensors").exists() || !dir.join("vocab.txt").exists() {
            return Err(EmbedError::NotInstalled(dir.to_path_buf()));
        }
        if !dir.join("rust_model.ot").exists() {
            convert(dir)?;
        }
        let model = SentenceEmbeddingsBuilder::local(dir)
            .with_device(tch::Device::Cpu)
            .create_model()
            .map_err(|e| EmbedError::Model(e.to_string()))?;
        Ok(Self { model })
    }
}

impl Embedder for MiniLm {
    fn model(&self) -> &str {
        MODEL
    }

    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(BATCH) {
            let vectors = self
                .model
                .encode(batch)
                .map_err(|e| EmbedError::Model(e.to_string()))?;
            out.extend(vectors.into_iter().map(normalise));
        }
        Ok(out)
    }
}

/// Unit length, as sentence-transformers' Normalize module does.
fn normalise(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// Writes `rust_model.ot` (libtorch tensors) from `model.safetensors` in `dir`.
pub fn convert(dir: &Path) -> Result<(), EmbedError> {
    let source = dir.join("model.safetensors");
    let fail = |message: String| EmbedError::Convert {
        path: source.clone(),
        message,
    };
    let bytes = std::fs::read(&source).map_err(|e| fail(e.to_string()))?;
    let tensors = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| fail(e.to_string()))?;
    let mut named: Vec<(String, tch::Tensor)> = Vec::new();
    for (name, view) in tensors.tensors() {
        // Buffers such as `position_ids` are not weights; rust-bert rebuilds them.
        if view.dtype() != safetensors::Dtype::F32 {
            continue;
        }
        let shape: Vec<i64> = view.shape().iter().map(|d| *d as i64).collect();
        let tensor = tch::Tensor::of_data_size(view.data(), &shape, tch::Kind::Float);
        named.push((name.to_string(), tensor));
    }
    let target = dir.join("rust_model.ot");
    let tmp = dir.join(format!(".rust_model.ot.part{}", std::process::id()));
    tch::Tensor::save_multi(&named, &tmp).map_err(|e| fail(e.to_string()))?;
    std::fs::rename(&tmp, &target).map_err(|e| fail(e.to_string()))
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
