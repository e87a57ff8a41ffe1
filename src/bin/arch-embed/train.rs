//! `arch-embed train`: fine-tunes the classifier's top layers and heads.
//!
//! Sentiment is a 3-way softmax (cross-entropy); emotions are six sigmoids (binary
//! cross-entropy, positives weighted by how rare they are). Labels a source does not give
//! are masked out of the loss, so polarity-only and single-emotion files train what they
//! know and nothing else. Deterministic for a seed: batches are built from texts sorted by
//! length (little padding) and shuffled with a seeded generator.

use std::path::Path;

use serde::Deserialize;
use tch::{nn, nn::OptimizerConfig, Kind, Tensor};

use super::feedback::{Batch, FeedbackModel};

/// One training example as `arch` sends it.
#[derive(Debug, Deserialize)]
pub struct TrainExample {
    text: String,
    sentiment: Option<i64>,
    emotions: [Option<bool>; 6],
}

/// Hyper-parameters (`arch feedback train` flags).
#[derive(Debug, Deserialize)]
pub struct TrainOptions {
    tuned_layers: usize,
    epochs: usize,
    learning_rate: f64,
    batch_size: usize,
    seed: u64,
}

/// The request on stdin.
#[derive(Debug, Deserialize)]
pub struct TrainRequest {
    options: TrainOptions,
    examples: Vec<TrainExample>,
}

struct Prepared {
    hidden: Tensor,
    mask: Tensor,
    sentiment: Tensor,
    sentiment_mask: Tensor,
    emotions: Tensor,
    emotion_mask: Tensor,
}

/// Trains and writes the artefact to `out`.
pub fn train(model_dir: &Path, out: &Path, request: TrainRequest) -> Result<(), String> {
    let o = &request.options;
    tch::manual_seed(o.seed as i64);
    let mut model = FeedbackModel::new(model_dir, o.tuned_layers)?;
    model.load_encoder(model_dir)?;
    let mut rng = SplitMix(o.seed);

    // Sort by length so a batch pads little, then cache the frozen bottom's output.
    let mut order: Vec<usize> = (0..request.examples.len()).collect();
    order.sort_by_key(|&i| request.examples[i].text.len());
    let mut batches: Vec<Prepared> = Vec::new();
    let started = std::time::Instant::now();
    for chunk in order.chunks(o.batch_size.max(1)) {
        let examples: Vec<&TrainExample> = chunk.iter().map(|&i| &request.examples[i]).collect();
        let texts: Vec<&str> = examples.iter().map(|e| e.text.as_str()).collect();
        let Batch { ids, mask } = model.tokenize(&texts);
        let hidden = model.encode_bottom(&Batch {
            ids,
            mask: mask.shallow_clone(),
        })?;
        let sentiment: Vec<i64> = examples.iter().map(|e| e.sentiment.unwrap_or(0)).collect();
        let sentiment_mask: Vec<f32> = examples
            .iter()
            .map(|e| if e.sentiment.is_some() { 1.0 } else { 0.0 })
            .collect();
        let emotions: Vec<f32> = examples
            .iter()
            .flat_map(|e| e.emotions.map(|v| if v == Some(true) { 1.0 } else { 0.0 }))
            .collect();
        let emotion_mask: Vec<f32> = examples
            .iter()
            .flat_map(|e| e.emotions.map(|v| if v.is_some() { 1.0 } else { 0.0 }))
            .collect();
        let n = examples.len() as i64;
        batches.push(Prepared {
            hidden,
            mask,
            sentiment: Tensor::of_slice(&sentiment),
            sentiment_mask: Tensor::of_slice(&sentiment_mask),
            emotions: Tensor::of_slice(&emotions).view([n, 6]),
            emotion_mask: Tensor::of_slice(&emotion_mask).view([n, 6]),
        });
    }
    eprintln!(
        "arch-embed: encoded {} texts in {} batches ({:.0} s)",
        request.examples.len(),
        batches.len(),
        started.elapsed().as_secs_f64()
    );

    // Rare emotions weigh more when present (negatives / positives, capped).
    let pos_weight = {
        let mut pos = [0f64; 6];
        let mut all = [0f64; 6];
        for e in &request.examples {
            for j in 0..6 {
                if let Some(v) = e.emotions[j] {
                    all[j] += 1.0;
                    pos[j] += f64::from(u8::from(v));
                }
            }
        }
        let w: Vec<f32> = (0..6)
            .map(|j| (((all[j] - pos[j]) / pos[j].max(1.0)).clamp(1.0, 8.0)) as f32)
            .collect();
        Tensor::of_slice(&w)
    };

    let mut opt = nn::AdamW {
        wd: 0.01,
        ..Default::default()
    }
    .build(&model.tuned, o.learning_rate)
    .map_err(|e| e.to_string())?;
    let steps = (batches.len() * o.epochs).max(1);
    let warmup = steps / 10;
    let mut step = 0usize;
    for epoch in 0..o.epochs {
        let mut order: Vec<usize> = (0..batches.len()).collect();
        rng.shuffle(&mut order);
        let (mut total, mut count) = (0f64, 0usize);
        for &b in &order {
            let p = &batches[b];
            let lr = if step < warmup {
                o.learning_rate * (step + 1) as f64 / warmup as f64
            } else {
                o.learning_rate * (steps - step) as f64 / (steps - warmup).max(1) as f64
            };
            opt.set_lr(lr);
            let (s_logits, e_logits) = model.forward_top(&p.hidden, &p.mask, true);
            let logp = s_logits.log_softmax(-1, Kind::Float);
            let picked = logp
                .gather(1, &p.sentiment.unsqueeze(1), false)
                .squeeze_dim(1);
            let s_loss = -(picked * &p.sentiment_mask).sum(Kind::Float)
                / p.sentiment_mask.sum(Kind::Float).clamp_min(1.0);
            let e_all = e_logits.binary_cross_entropy_with_logits::<&Tensor>(
                &p.emotions,
                None,
                Some(&pos_weight),
                tch::Reduction::None,
            );
            let e_loss = (e_all * &p.emotion_mask).sum(Kind::Float)
                / p.emotion_mask.sum(Kind::Float).clamp_min(1.0);
            let loss = s_loss + e_loss;
            opt.backward_step_clip_norm(&loss, 1.0);
            total += loss.double_value(&[]);
            count += 1;
            step += 1;
            if step.is_multiple_of(100) {
                eprintln!(
                    "arch-embed: step {step}/{steps}: mean loss {:.4} ({:.0} s)",
                    total / count as f64,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        eprintln!(
            "arch-embed: epoch {}/{}: mean loss {:.4} ({:.0} s)",
            epoch + 1,
            o.epochs,
            total / count.max(1) as f64,
            started.elapsed().as_secs_f64()
        );
    }
    let tensors = model.tuned_tensors();
    let tmp = out.with_extension(format!("part{}", std::process::id()));
    Tensor::save_multi(&tensors, &tmp)
        .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// A small seeded generator: training must not depend on the clock.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
