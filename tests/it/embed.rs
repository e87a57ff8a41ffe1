//! The MiniLM encoder against reference vectors from sentence-transformers itself
//! (`scripts/reference_embeddings_st.py`; `scripts/reference_embeddings.py` reproduces them
//! with numpy alone): cosine ≥ 0.99 on every sentence. Needs the verified model
//! (`arch models fetch all-minilm-l6-v2`, which `scripts/test.sh` runs).

use arch::embed::{cosine, Embedder, ProcessEncoder, DIM, MODEL};

/// Where the verified models are: `ARCH_MODELS_DIR`, else the default models directory.
pub fn models_root() -> std::path::PathBuf {
    std::env::var_os("ARCH_MODELS_DIR")
        .map(std::path::PathBuf::from)
        .or_else(arch::models::default_dir)
        .expect("a models directory")
}

fn model_dir() -> std::path::PathBuf {
    models_root().join(MODEL)
}

#[test]
fn minilm_embeddings_match_the_reference_vectors() {
    let dir = model_dir();
    let exe = assert_cmd::cargo::cargo_bin("arch-embed");
    let encoder = ProcessEncoder::new(exe, &dir)
        .unwrap_or_else(|e| panic!("{e} (scripts/test.sh fetches it)"));
    let reference: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            crate::common::repo_root().join("tests/data/minilm_reference.json"),
        )
        .expect("committed"),
    )
    .expect("json");
    let sentences = reference["sentences"].as_array().expect("sentences");
    let texts: Vec<String> = sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap_or_default().to_string())
        .collect();
    let vectors = encoder.embed(&texts).expect("embeds");
    assert_eq!(vectors.len(), texts.len());
    for (vector, sentence) in vectors.iter().zip(sentences) {
        assert_eq!(vector.len(), DIM);
        let expected: Vec<f32> = sentence["vector"]
            .as_array()
            .expect("vector")
            .iter()
            .map(|x| x.as_f64().unwrap_or(0.0) as f32)
            .collect();
        let similarity = cosine(vector, &expected);
        assert!(
            similarity >= 0.99,
            "{:?}: cosine {similarity}",
            sentence["text"]
        );
        let norm: f32 = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "normalised");
    }
}
