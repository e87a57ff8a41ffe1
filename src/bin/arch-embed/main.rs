//! `arch-embed`: the MiniLM encoder in its own process.
//!
//! libtorch is large: linked into `arch` it would add half a second to every command, the
//! CI gate's warm re-run included. So the encoder lives here and `arch` starts it only when
//! it has text to embed ([`arch::embed::ProcessEncoder`]).
//!
//! ```text
//! arch-embed encode MODEL_DIR   < ["text", …]        > {"model": "…", "vectors": [[…], …]}
//! arch-embed convert MODEL_DIR                         writes rust_model.ot from model.safetensors
//! arch-embed classify MODEL_DIR CLASSIFIER|builtin < ["text", …] > {"sentiment": [[pos, neu, neg], …], "emotions": [[6], …]}
//! arch-embed roberta CLASSIFIER_DIR < ["text", …]    > {"labels": […], "problem_type": …, "logits": [[…], …]}
//! arch-embed train MODEL_DIR OUT < {"options": …, "examples": […]}   writes the classifier to OUT
//! ```
//! Exit codes: 0 done, 2 usage, 3 the model is missing or failed (the message says which).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rust_bert::pipelines::sentence_embeddings::SentenceEmbeddingsBuilder;

use arch::embed::{normalise, BATCH, MODEL};

mod feedback;
mod roberta;
mod train;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [cmd, dir] if cmd == "encode" => encode(Path::new(dir)),
        [cmd, dir] if cmd == "convert" => convert(Path::new(dir)),
        [cmd, dir, classifier] if cmd == "classify" => {
            classify(Path::new(dir), Path::new(classifier))
        }
        [cmd, dir] if cmd == "roberta" => read_stdin().and_then(|input| {
            let texts: Vec<String> = serde_json::from_str(&input)
                .map_err(|e| format!("stdin is not a JSON array of strings: {e}"))?;
            let out = roberta::classify(Path::new(dir), &texts)?;
            serde_json::to_writer(std::io::stdout().lock(), &out).map_err(|e| e.to_string())
        }),
        [cmd, dir, out] if cmd == "train" => read_stdin().and_then(|input| {
            let request = serde_json::from_str(&input)
                .map_err(|e| format!("stdin is not a training request: {e}"))?;
            train::train(Path::new(dir), Path::new(out), request)
        }),
        _ => {
            eprintln!(
                "usage: arch-embed encode MODEL_DIR < texts.json | arch-embed convert MODEL_DIR"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("arch-embed: {message}");
            ExitCode::from(3)
        }
    }
}

fn read_stdin() -> Result<String, String> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    Ok(input)
}

/// The shipped classifier (`arch feedback train` writes it; models/feedback/MODEL_CARD.md).
const BUILTIN_CLASSIFIER: &[u8] = include_bytes!("../../../models/feedback/minilm-feedback.ot");

/// Sentiment and emotion probabilities for each text on stdin.
fn classify(dir: &Path, classifier: &Path) -> Result<(), String> {
    ensure_converted(dir)?;
    let texts: Vec<String> = serde_json::from_str(&read_stdin()?)
        .map_err(|e| format!("stdin is not a JSON array of strings: {e}"))?;
    let named = if classifier == Path::new(arch::feedback::classifier::BUILTIN) {
        tch::Tensor::load_multi_from_stream(std::io::Cursor::new(BUILTIN_CLASSIFIER))
    } else {
        tch::Tensor::load_multi(classifier)
    }
    .map_err(|e| format!("cannot read the classifier {}: {e}", classifier.display()))?;
    let mut model = feedback::FeedbackModel::new(dir, feedback::tuned_layers(&named))?;
    model.load_encoder(dir)?;
    model.load_tuned(named)?;
    // Batches of similar length pad little: sort, classify, put the answers back in order.
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| texts[i].len());
    let mut sentiment = vec![[0f32; 3]; texts.len()];
    let mut emotions = vec![[0f32; 6]; texts.len()];
    for batch in order.chunks(BATCH) {
        let refs: Vec<&str> = batch.iter().map(|&i| texts[i].as_str()).collect();
        let (s, e) = model.predict(&refs)?;
        for ((&i, s), e) in batch.iter().zip(s).zip(e) {
            sentiment[i] = s;
            emotions[i] = e;
        }
    }
    let out = serde_json::json!({ "sentiment": sentiment, "emotions": emotions });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &out).map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())
}

fn ensure_converted(dir: &Path) -> Result<(), String> {
    if !dir.join("model.safetensors").exists() || !dir.join("vocab.txt").exists() {
        return Err(format!(
            "the {MODEL} encoder is not installed in {}; run `arch models fetch {MODEL}`",
            dir.display()
        ));
    }
    if !dir.join("rust_model.ot").exists() {
        convert(dir)?;
    }
    Ok(())
}

fn encode(dir: &Path) -> Result<(), String> {
    ensure_converted(dir)?;
    let texts: Vec<String> = serde_json::from_str(&read_stdin()?)
        .map_err(|e| format!("stdin is not a JSON array of strings: {e}"))?;
    let model = SentenceEmbeddingsBuilder::local(dir)
        .with_device(tch::Device::Cpu)
        .create_model()
        .map_err(|e| format!("cannot load {MODEL} from {}: {e}", dir.display()))?;
    let mut vectors = Vec::with_capacity(texts.len());
    for batch in texts.chunks(BATCH) {
        let encoded = model
            .encode(batch)
            .map_err(|e| format!("{MODEL} failed: {e}"))?;
        vectors.extend(encoded.into_iter().map(normalise));
    }
    let out = serde_json::json!({ "model": MODEL, "vectors": vectors });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &out).map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())
}

/// Writes `rust_model.ot` (libtorch tensors, what tch 0.10 reads) from `model.safetensors`.
fn convert(dir: &Path) -> Result<(), String> {
    let source: PathBuf = dir.join("model.safetensors");
    let fail = |message: String| {
        format!(
            "cannot convert {} for libtorch: {message}",
            source.display()
        )
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
        named.push((
            name.to_string(),
            tch::Tensor::of_data_size(view.data(), &shape, tch::Kind::Float),
        ));
    }
    let tmp = dir.join(format!(".rust_model.ot.part{}", std::process::id()));
    tch::Tensor::save_multi(&named, &tmp).map_err(|e| fail(e.to_string()))?;
    std::fs::rename(&tmp, dir.join("rust_model.ot")).map_err(|e| fail(e.to_string()))
}
