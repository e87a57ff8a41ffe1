//! The default feedback classifier: all-MiniLM-L6-v2 whose top layers and two heads were
//! fine-tuned on labelled developer texts (`arch feedback train`).
//!
//! The bottom layers stay the published encoder's, so the artefact holds only what changed:
//! the top transformer layers ([`tuned_layers`]) and the heads, in half precision. The
//! split also makes training affordable on two cores: the frozen bottom runs once per text
//! and its output is cached, only the top is trained.

use std::path::Path;

use rust_bert::bert::{BertConfig, BertEmbeddings, BertLayer, BertModel};
use rust_bert::pipelines::common::{ModelType, TokenizerOption};
use rust_bert::Config;
use rust_tokenizers::tokenizer::TruncationStrategy;
use tch::{nn, Device, Kind, Tensor};

pub use arch::feedback::{MAX_CHARS, MAX_TOKENS};

/// How many top layers an artefact replaces: the distinct `encoder.layer.N` it holds.
pub fn tuned_layers(named: &[(String, Tensor)]) -> usize {
    let layers: std::collections::BTreeSet<&str> = named
        .iter()
        .filter_map(|(n, _)| n.strip_prefix("encoder.layer.")?.split('.').next())
        .collect();
    layers.len()
}

/// Per text: sentiment probabilities ([`arch::feedback::Sentiment::ALL`] order) and
/// emotion probabilities ([`arch::feedback::EMOTIONS`] order).
pub type Probabilities = (Vec<[f32; 3]>, Vec<[f32; 6]>);

/// The MiniLM encoder split into a frozen bottom and a tuned top, plus the heads.
pub struct FeedbackModel {
    tokenizer: TokenizerOption,
    bottom: BertModel<BertEmbeddings>,
    top: Vec<BertLayer>,
    sentiment: nn::Linear,
    emotions: nn::Linear,
    dropout: f64,
    /// The encoder's weights (bottom).
    pub base: nn::VarStore,
    /// What training changes and the artefact stores (top layers, heads).
    pub tuned: nn::VarStore,
}

/// Texts ready for the encoder.
pub struct Batch {
    /// Word-piece ids, padded: [batch, tokens].
    pub ids: Tensor,
    /// 1 for real tokens: [batch, tokens].
    pub mask: Tensor,
}

impl FeedbackModel {
    /// Builds the model over the encoder in `dir` with `tuned_layers` layers on top.
    pub fn new(dir: &Path, tuned_layers: usize) -> Result<Self, String> {
        let config_path = dir.join("config.json");
        if !config_path.exists() {
            return Err(format!(
                "{} is missing; run `arch models fetch all-minilm-l6-v2`",
                config_path.display()
            ));
        }
        let mut config = BertConfig::from_file(&config_path);
        let layers = config.num_hidden_layers as usize;
        if tuned_layers == 0 || tuned_layers > layers {
            return Err(format!(
                "tuned layers must be 1..={layers}, not {tuned_layers}"
            ));
        }
        let split = layers - tuned_layers;
        let vocab = dir.join("vocab.txt");
        let tokenizer = TokenizerOption::from_file(
            ModelType::Bert,
            &vocab.to_string_lossy(),
            None,
            true,
            None,
            None,
        )
        .map_err(|e| format!("cannot read {}: {e}", vocab.display()))?;
        let base = nn::VarStore::new(Device::Cpu);
        let tuned = nn::VarStore::new(Device::Cpu);
        let dropout = config.hidden_dropout_prob;
        config.num_hidden_layers = split as i64;
        let bottom = BertModel::new_with_optional_pooler(base.root(), &config, false);
        let top = (split..layers)
            .map(|i| BertLayer::new(tuned.root() / "encoder" / "layer" / i, &config))
            .collect();
        let hidden = config.hidden_size;
        let heads = tuned.root() / "feedback";
        let sentiment = nn::linear(&heads / "sentiment", hidden, 3, Default::default());
        let emotions = nn::linear(&heads / "emotions", hidden, 6, Default::default());
        Ok(Self {
            tokenizer,
            bottom,
            top,
            sentiment,
            emotions,
            dropout,
            base,
            tuned,
        })
    }

    /// Loads the encoder's weights into both halves (the heads stay as initialised).
    pub fn load_encoder(&mut self, dir: &Path) -> Result<(), String> {
        let weights = dir.join("rust_model.ot");
        let fail = |e: tch::TchError| format!("cannot load {}: {e}", weights.display());
        self.base.load_partial(&weights).map_err(fail)?;
        self.tuned.load_partial(&weights).map_err(fail)?;
        Ok(())
    }

    /// Loads a trained artefact over the top layers and heads.
    pub fn load_tuned(&mut self, named: Vec<(String, Tensor)>) -> Result<(), String> {
        let named: std::collections::HashMap<String, Tensor> = named.into_iter().collect();
        let vars = self.tuned.variables();
        for (name, mut var) in vars {
            let src = named
                .get(&name)
                .ok_or_else(|| format!("the classifier has no tensor {name}"))?;
            if src.size() != var.size() {
                return Err(format!(
                    "tensor {name} has shape {:?}, the model expects {:?}",
                    src.size(),
                    var.size()
                ));
            }
            tch::no_grad(|| var.copy_(src));
        }
        Ok(())
    }

    /// The trained tensors, half precision, for the artefact.
    pub fn tuned_tensors(&self) -> Vec<(String, Tensor)> {
        let mut vars: Vec<(String, Tensor)> = self
            .tuned
            .variables()
            .into_iter()
            .map(|(n, t)| (n, t.detach().to_kind(Kind::Half)))
            .collect();
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        vars
    }

    /// Tokenizes texts (each cut to [`MAX_CHARS`] characters and [`MAX_TOKENS`] pieces).
    pub fn tokenize(&self, texts: &[&str]) -> Batch {
        let cut: Vec<String> = texts
            .iter()
            .map(|t| t.chars().take(MAX_CHARS).collect())
            .collect();
        let encoded =
            self.tokenizer
                .encode_list(&cut, MAX_TOKENS, &TruncationStrategy::LongestFirst, 0);
        let width = encoded.iter().map(|e| e.token_ids.len()).max().unwrap_or(1);
        let pad = self.tokenizer.get_pad_id().unwrap_or(0);
        let mut ids = Vec::with_capacity(width * texts.len());
        let mut mask = Vec::with_capacity(width * texts.len());
        for e in &encoded {
            ids.extend(e.token_ids.iter().copied());
            mask.extend(std::iter::repeat_n(1i64, e.token_ids.len()));
            ids.extend(std::iter::repeat_n(pad, width - e.token_ids.len()));
            mask.extend(std::iter::repeat_n(0i64, width - e.token_ids.len()));
        }
        let shape = [texts.len() as i64, width as i64];
        Batch {
            ids: Tensor::of_slice(&ids).view(shape),
            mask: Tensor::of_slice(&mask).view(shape),
        }
    }

    /// The frozen bottom's output: [batch, tokens, hidden].
    pub fn encode_bottom(&self, batch: &Batch) -> Result<Tensor, String> {
        tch::no_grad(|| {
            self.bottom
                .forward_t(
                    Some(&batch.ids),
                    Some(&batch.mask),
                    None,
                    None,
                    None,
                    None,
                    None,
                    false,
                )
                .map(|o| o.hidden_state)
                .map_err(|e| e.to_string())
        })
    }

    /// Top layers, mean pooling and heads: (sentiment logits [b, 3], emotion logits [b, 6]).
    pub fn forward_top(&self, hidden: &Tensor, mask: &Tensor, train: bool) -> (Tensor, Tensor) {
        let extended = ((mask.ones_like() - mask) * -10000.0)
            .to_kind(Kind::Float)
            .unsqueeze(1)
            .unsqueeze(1);
        let mut h = hidden.shallow_clone();
        for layer in &self.top {
            h = layer
                .forward_t(&h, Some(&extended), None, None, train)
                .hidden_state;
        }
        let m = mask.to_kind(Kind::Float).unsqueeze(-1);
        let pooled = (h * &m).sum_dim_intlist(Some([1i64].as_slice()), false, Kind::Float)
            / m.sum_dim_intlist(Some([1i64].as_slice()), false, Kind::Float)
                .clamp_min(1e-9);
        let pooled = pooled.dropout(self.dropout, train);
        (pooled.apply(&self.sentiment), pooled.apply(&self.emotions))
    }

    /// Probabilities for texts: sentiment (softmax) and emotions (sigmoid), per text.
    pub fn predict(&self, texts: &[&str]) -> Result<Probabilities, String> {
        let batch = self.tokenize(texts);
        let hidden = self.encode_bottom(&batch)?;
        let (s, e) = tch::no_grad(|| self.forward_top(&hidden, &batch.mask, false));
        let s = s.softmax(-1, Kind::Float);
        let e = e.sigmoid();
        let s: Vec<f32> = Vec::<f32>::from(s.flatten(0, -1));
        let e: Vec<f32> = Vec::<f32>::from(e.flatten(0, -1));
        Ok((
            s.chunks(3).map(|c| [c[0], c[1], c[2]]).collect(),
            e.chunks(6)
                .map(|c| [c[0], c[1], c[2], c[3], c[4], c[5]])
                .collect(),
        ))
    }
}
