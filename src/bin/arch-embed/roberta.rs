//! `arch-embed roberta DIR`: a user's RoBERTa-family sequence classifier (a Hugging Face
//! directory: config.json with id2label, vocab.json, merges.txt, and rust_model.ot or
//! model.safetensors). Returns raw logits with the label names; `arch` maps labels onto
//! sentiment and emotions (src/feedback/classifier.rs).

use std::path::Path;

use rust_bert::bert::BertConfig;
use rust_bert::pipelines::common::{ModelType, TokenizerOption};
use rust_bert::roberta::RobertaForSequenceClassification;
use rust_bert::Config;
use rust_tokenizers::tokenizer::TruncationStrategy;
use tch::{nn, Device, Tensor};

use super::feedback::{MAX_CHARS, MAX_TOKENS};

/// Texts per forward pass.
const BATCH: usize = 16;

/// Logits for `texts` and the label of each column.
pub fn classify(dir: &Path, texts: &[String]) -> Result<serde_json::Value, String> {
    let need = |name: &str| {
        let path = dir.join(name);
        if path.exists() {
            Ok(path)
        } else {
            Err(format!(
                "{} is missing: a RoBERTa classifier directory holds config.json, vocab.json, merges.txt and rust_model.ot or model.safetensors",
                path.display()
            ))
        }
    };
    let config_path = need("config.json")?;
    let vocab = need("vocab.json")?;
    let merges = need("merges.txt")?;
    if !dir.join("rust_model.ot").exists() {
        need("model.safetensors")?;
        super::convert(dir)?;
    }
    let config = BertConfig::from_file(&config_path);
    let id2label = config.id2label.clone().ok_or_else(|| {
        format!(
            "{} has no id2label: arch needs the label names",
            config_path.display()
        )
    })?;
    let mut labels: Vec<(i64, String)> = id2label.into_iter().collect();
    labels.sort();
    let tokenizer = TokenizerOption::from_file(
        ModelType::Roberta,
        &vocab.to_string_lossy(),
        Some(&merges.to_string_lossy()),
        false,
        None,
        false,
    )
    .map_err(|e| format!("cannot read the tokenizer in {}: {e}", dir.display()))?;
    let mut vs = nn::VarStore::new(Device::Cpu);
    let model = RobertaForSequenceClassification::new(vs.root(), &config)
        .map_err(|e| format!("{}: {e}", config_path.display()))?;
    let weights = dir.join("rust_model.ot");
    vs.load(&weights)
        .map_err(|e| format!("cannot load {}: {e}", weights.display()))?;
    let pad = tokenizer.get_pad_id().unwrap_or(1);
    // Batches of similar length pad little: sort, classify, put the answers back in order.
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| texts[i].len());
    let mut logits: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
    for batch in order.chunks(BATCH) {
        let cut: Vec<String> = batch
            .iter()
            .map(|&i| texts[i].chars().take(MAX_CHARS).collect())
            .collect();
        let max_len = (config.max_position_embeddings as usize)
            .saturating_sub(2)
            .min(MAX_TOKENS * 4);
        let encoded = tokenizer.encode_list(&cut, max_len, &TruncationStrategy::LongestFirst, 0);
        let width = encoded.iter().map(|e| e.token_ids.len()).max().unwrap_or(1);
        let mut ids = Vec::new();
        let mut mask = Vec::new();
        for e in &encoded {
            ids.extend(e.token_ids.iter().copied());
            ids.extend(std::iter::repeat_n(pad, width - e.token_ids.len()));
            mask.extend(std::iter::repeat_n(1i64, e.token_ids.len()));
            mask.extend(std::iter::repeat_n(0i64, width - e.token_ids.len()));
        }
        let shape = [batch.len() as i64, width as i64];
        let ids = Tensor::of_slice(&ids).view(shape);
        let mask = Tensor::of_slice(&mask).view(shape);
        let out =
            tch::no_grad(|| model.forward_t(Some(&ids), Some(&mask), None, None, None, false));
        let columns = out.logits.size()[1] as usize;
        let flat: Vec<f32> = Vec::<f32>::from(out.logits.flatten(0, -1));
        for (&i, row) in batch.iter().zip(flat.chunks(columns)) {
            logits[i] = row.to_vec();
        }
    }
    let problem_type = std::fs::read_to_string(&config_path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| {
            v.get("problem_type")
                .and_then(|p| p.as_str())
                .map(String::from)
        });
    Ok(serde_json::json!({
        "labels": labels.into_iter().map(|(_, l)| l).collect::<Vec<_>>(),
        "problem_type": problem_type,
        "logits": logits,
    }))
}
