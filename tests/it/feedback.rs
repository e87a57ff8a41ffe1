//! `arch feedback` end to end: the reward moves pattern scores on both store backends, the
//! history and the arithmetic are visible, bad input is refused with a message and loses
//! nothing, a user's RoBERTa classifier loads and batches, and the shipped classifier still
//! scores what its model card says on the held-out texts.

use std::path::{Path, PathBuf};

use crate::common::{arch, config_home, fixture, repo_root};
use crate::embed::models_root;

fn run_ok(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().expect("arch runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn score(home: &Path, db: &str, kind: &str, id: &str) -> f64 {
    let out = run_ok(arch(home).args(["--format", "json", "kb", "patterns", "--db", db]));
    let all: Vec<serde_json::Value> = serde_json::from_str(&out).expect("json");
    all.iter()
        .find(|p| p["kind"] == kind && p["id"] == id)
        .and_then(|p| p["score"].as_f64())
        .unwrap_or_else(|| panic!("no pattern {kind}/{id}"))
}

fn models_dir() -> String {
    models_root().display().to_string()
}

#[test]
fn feedback_moves_pattern_scores_on_both_backends() {
    let home = config_home();
    for db in crate::learn::backends(home.path()) {
        run_ok(
            arch(home.path())
                .args(["learn", "--db", &db])
                .arg(fixture("java-spring"))
                .arg(fixture("go-gin")),
        );
        assert_eq!(score(home.path(), &db, "communication", "rest-http"), 0.0);

        // An action alone: no classifier needed; accept raises the score.
        let out = run_ok(arch(home.path()).args([
            "--format",
            "json",
            "feedback",
            "--on",
            "pattern:communication/rest-http",
            "--action",
            "accept",
            "--db",
            &db,
        ]));
        let event: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(event["changes"][0]["before"], 0.0);
        let up = score(home.path(), &db, "communication", "rest-http");
        assert!(
            (up - 0.24).abs() < 1e-9,
            "{db}: 0 + 0.3·0.8·(1 − 0) = 0.24, got {up}"
        );

        // Words and a deletion: the real classifier reads frustration; the score sinks.
        let out = run_ok(arch(home.path()).args([
            "--format",
            "json",
            "feedback",
            "This is wrong again, useless. Stop suggesting it.",
            "--on",
            "finding:communication/rest-http",
            "--action",
            "delete",
            "--models-dir",
            &models_dir(),
            "--db",
            &db,
        ]));
        let event: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(
            event["record"]["reading"]["sentiment"]["label"], "negative",
            "{out}"
        );
        assert!(event["record"]["reward"]["value"].as_f64().unwrap() < -0.5);
        let down = score(home.path(), &db, "communication", "rest-http");
        assert!(down < up, "{db}: {up} → {down}");

        // Praise in words only: the score rises again, scaled by the reading's confidence.
        run_ok(arch(home.path()).args([
            "feedback",
            "Great, this is exactly what I needed, thanks!",
            "--on",
            "finding:rest-http",
            "--models-dir",
            &models_dir(),
            "--db",
            &db,
        ]));
        let again = score(home.path(), &db, "communication", "rest-http");
        assert!(again > down, "{db}: {down} → {again}");

        // History: three changes, chained.
        let out = run_ok(arch(home.path()).args([
            "--format",
            "json",
            "kb",
            "patterns",
            "--history",
            "communication/rest-http",
            "--db",
            &db,
        ]));
        let history: serde_json::Value = serde_json::from_str(&out).expect("json");
        let changes = history["history"].as_array().expect("history");
        assert_eq!(changes.len(), 3, "{out}");
        for pair in changes.windows(2) {
            assert_eq!(pair[0]["after"], pair[1]["before"]);
        }
        assert_eq!(history["score"].as_f64(), Some(again));

        // The arithmetic of the second event, term by term.
        let out = run_ok(arch(home.path()).args(["feedback", "--explain", "2", "--db", &db]));
        for term in [
            "frustration   = max(",
            "implicit i    = delete",
            "reward r      = 0.6·i",
            "score         communication/rest-http: s + 0.3·c·(r − s)",
        ] {
            assert!(out.contains(term), "{term} in:\n{out}");
        }
    }
}

#[test]
fn bad_feedback_is_refused_clearly_and_loses_nothing() {
    let home = config_home();
    let db = home.path().join("kb.sqlite").display().to_string();
    run_ok(
        arch(home.path())
            .args(["learn", "--db", &db])
            .arg(fixture("java-spring")),
    );
    let fails = |args: &[&str], says: &str| {
        let out = arch(home.path())
            .args(args)
            .args(["--db", &db])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} is a usage error: {stderr}"
        );
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    };
    fails(
        &["feedback", "   ", "--on", "finding:design/repository"],
        "empty feedback",
    );
    fails(
        &[
            "feedback",
            "fine",
            "--on",
            "suggestion:42",
            "--action",
            "accept",
        ],
        "no suggestion \"42\"",
    );
    fails(
        &[
            "feedback",
            "--on",
            "finding:design/nope",
            "--action",
            "accept",
        ],
        "not a taxonomy id",
    );
    fails(
        &[
            "feedback",
            "--on",
            "pattern:design/nope",
            "--action",
            "accept",
        ],
        "no learned pattern",
    );
    fails(
        &[
            "feedback",
            "--on",
            "pattern:data/orm",
            "--action",
            "accept",
            "--edit-distance",
            "3",
        ],
        "--edit-distance goes with --action edit",
    );
    fails(&["feedback", "--explain", "99"], "no feedback event 99");
    {
        use std::os::unix::ffi::OsStrExt;
        let out = arch(home.path())
            .arg("feedback")
            .arg(std::ffi::OsStr::from_bytes(b"caf\xe9 is bad"))
            .args([
                "--on",
                "pattern:data/orm",
                "--action",
                "delete",
                "--db",
                &db,
            ])
            .output()
            .expect("runs");
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8 (byte 3 is not)"));
    }
    let events = |home: &Path| -> i64 {
        let conn = rusqlite::Connection::open(home.join("kb.sqlite")).expect("open");
        conn.query_row("SELECT COUNT(*) FROM feedback_event", [], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(events(home.path()), 0, "nothing recorded by refused events");

    // A batch with bad lines: --atomic records none; without it the good ones are recorded
    // and the bad ones named by line.
    let file = home.path().join("events.jsonl");
    let mut content = Vec::new();
    content.extend_from_slice(b"{\"on\": \"pattern:data/orm\", \"action\": \"accept\"}\n");
    content.extend_from_slice(b"{\"on\": \"pattern:data/orm\", \"action\": \"sideways\"}\n");
    content.extend_from_slice(b"not json at all\n\n");
    content.extend_from_slice(b"{\"on\": \"suggestion:7\", \"action\": \"accept\"}\n");
    content.extend_from_slice(b"{\"on\": \"pattern:data/orm\", \"text\": \"\xff\xfe\"}\n");
    content.extend_from_slice(
        b"{\"on\": \"finding:data/orm\", \"action\": \"edit\", \"edit_distance\": 40}\n",
    );
    std::fs::write(&file, &content).expect("write");
    let f = file.display().to_string();
    let out = arch(home.path())
        .args(["feedback", "--from", &f, "--atomic", "--db", &db])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("nothing recorded (--atomic)"), "{stderr}");
    assert_eq!(events(home.path()), 0);
    let out = arch(home.path())
        .args(["feedback", "--from", &f, "--db", &db])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "bad lines make the exit code say so"
    );
    for line in [
        ":2: not a valid event",
        ":3: not a valid event",
        ":5: unknown target",
        ":6: not UTF-8",
    ] {
        assert!(stderr.contains(line), "{line} in {stderr}");
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("recorded 2 events"));
    assert_eq!(events(home.path()), 2, "the two good lines");
}

#[test]
fn huge_texts_are_read_by_their_start_and_analyze_batches_in_order() {
    let home = config_home();
    let big = format!(
        "This keeps breaking and I am fed up. {}",
        "word ".repeat(210_000)
    );
    assert!(big.len() > 1_000_000);
    let file = home.path().join("big.txt");
    std::fs::write(&file, &big).expect("write");
    let out = arch(home.path())
        .args([
            "--format",
            "json",
            "feedback",
            "--analyze",
            "-",
            "--models-dir",
            &models_dir(),
        ])
        .pipe_stdin(&file)
        .expect("stdin")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("reads its first 4000"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["sentiment"]["label"], "negative", "{v}");

    // A file of {"id", "text"} lines: one JSON line per input, in order, probabilities in [0, 1].
    let lines: Vec<String> = (0..70)
        .map(|i| {
            let text = if i % 2 == 0 {
                "Thanks, works great!"
            } else {
                "This crashes every time, awful."
            };
            serde_json::json!({ "id": format!("t{i}"), "text": text }).to_string()
        })
        .collect();
    let texts = home.path().join("texts.jsonl");
    std::fs::write(&texts, lines.join("\n")).expect("write");
    let out = run_ok(arch(home.path()).args([
        "--format",
        "json",
        "feedback",
        "--analyze",
        "--from",
        &texts.display().to_string(),
        "--models-dir",
        &models_dir(),
    ]));
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(rows.len(), 70);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["id"], format!("t{i}"));
        let p = &row["sentiment"]["probabilities"];
        let sum: f64 = ["positive", "neutral", "negative"]
            .iter()
            .map(|k| p[k].as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-4);
        for e in ["anger", "love", "fear", "joy", "sadness", "surprise"] {
            assert!((0.0..=1.0).contains(&row["emotions"][e].as_f64().unwrap()));
        }
        let expected = if i % 2 == 0 { "positive" } else { "negative" };
        assert_eq!(row["sentiment"]["label"], expected, "{row}");
        assert!(row["signals"]["frustration"].is_number());
    }
}

/// A tiny RoBERTa sequence classifier with random weights, written the way Hugging Face
/// saves one (config.json, vocab.json, merges.txt, model.safetensors).
fn tiny_roberta(dir: &Path, labels: &[&str], multi_label: bool) {
    std::fs::create_dir_all(dir).expect("dir");
    let mut vocab = serde_json::Map::new();
    for (i, t) in ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
        .iter()
        .enumerate()
    {
        vocab.insert(t.to_string(), i.into());
    }
    for c in 'a'..='z' {
        let n = vocab.len();
        vocab.insert(c.to_string(), n.into());
        let n = vocab.len();
        vocab.insert(format!("\u{120}{c}"), n.into());
    }
    for t in ["th", "\u{120}th", "he", "in", "er"] {
        let n = vocab.len();
        vocab.insert(t.to_string(), n.into());
    }
    let v = vocab.len();
    std::fs::write(
        dir.join("vocab.json"),
        serde_json::Value::Object(vocab).to_string(),
    )
    .expect("vocab");
    std::fs::write(
        dir.join("merges.txt"),
        "#version: 0.2\nt h\n\u{120} th\nh e\ni n\ne r\n",
    )
    .expect("merges");
    let (h, inter, layers, positions) = (32usize, 64usize, 2usize, 66usize);
    let id2label: serde_json::Map<String, serde_json::Value> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (i.to_string(), serde_json::Value::from(*l)))
        .collect();
    let mut config = serde_json::json!({
        "architectures": ["RobertaForSequenceClassification"],
        "model_type": "roberta",
        "hidden_size": h, "num_hidden_layers": layers, "num_attention_heads": 2,
        "intermediate_size": inter, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": positions, "type_vocab_size": 1, "vocab_size": v,
        "initializer_range": 0.02, "layer_norm_eps": 1e-5, "pad_token_id": 1,
        "bos_token_id": 0, "eos_token_id": 2,
        "id2label": id2label,
    });
    if multi_label {
        config["problem_type"] = "multi_label_classification".into();
    }
    std::fs::write(dir.join("config.json"), config.to_string()).expect("config");

    let mut shapes: Vec<(String, Vec<usize>)> = vec![
        (
            "roberta.embeddings.word_embeddings.weight".into(),
            vec![v, h],
        ),
        (
            "roberta.embeddings.position_embeddings.weight".into(),
            vec![positions, h],
        ),
        (
            "roberta.embeddings.token_type_embeddings.weight".into(),
            vec![1, h],
        ),
        ("roberta.embeddings.LayerNorm.weight".into(), vec![h]),
        ("roberta.embeddings.LayerNorm.bias".into(), vec![h]),
        ("classifier.dense.weight".into(), vec![h, h]),
        ("classifier.dense.bias".into(), vec![h]),
        ("classifier.out_proj.weight".into(), vec![labels.len(), h]),
        ("classifier.out_proj.bias".into(), vec![labels.len()]),
    ];
    for l in 0..layers {
        let p = format!("roberta.encoder.layer.{l}");
        for m in [
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
        ] {
            shapes.push((format!("{p}.{m}.weight"), vec![h, h]));
            shapes.push((format!("{p}.{m}.bias"), vec![h]));
        }
        shapes.push((format!("{p}.intermediate.dense.weight"), vec![inter, h]));
        shapes.push((format!("{p}.intermediate.dense.bias"), vec![inter]));
        shapes.push((format!("{p}.output.dense.weight"), vec![h, inter]));
        shapes.push((format!("{p}.output.dense.bias"), vec![h]));
        for n in ["attention.output.LayerNorm", "output.LayerNorm"] {
            shapes.push((format!("{p}.{n}.weight"), vec![h]));
            shapes.push((format!("{p}.{n}.bias"), vec![h]));
        }
    }
    // Deterministic pseudo-random weights; LayerNorm weights 1, biases 0.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let buffers: Vec<(String, Vec<usize>, Vec<u8>)> = shapes
        .into_iter()
        .map(|(name, shape)| {
            let n: usize = shape.iter().product();
            let values: Vec<f32> = (0..n)
                .map(|_| {
                    if name.ends_with("LayerNorm.weight") {
                        1.0
                    } else if name.ends_with("bias") {
                        0.0
                    } else {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        ((state % 2000) as f32 / 1000.0 - 1.0) * 0.1
                    }
                })
                .collect();
            let bytes = values.iter().flat_map(|x| x.to_le_bytes()).collect();
            (name, shape, bytes)
        })
        .collect();
    let views: Vec<(String, safetensors::tensor::TensorView)> = buffers
        .iter()
        .map(|(name, shape, bytes)| {
            (
                name.clone(),
                safetensors::tensor::TensorView::new(safetensors::Dtype::F32, shape.clone(), bytes)
                    .expect("view"),
            )
        })
        .collect();
    safetensors::serialize_to_file(views, &None, &dir.join("model.safetensors")).expect("write");
}

#[test]
fn a_roberta_classifier_directory_is_loaded_batched_and_mapped_by_label() {
    let home = config_home();
    let dir: PathBuf = home.path().join("roberta-sentiment");
    tiny_roberta(&dir, &["negative", "neutral", "positive"], false);
    let lines: Vec<String> = (0..37)
        .map(|i| {
            serde_json::json!({ "id": i, "text": format!("the thing {i} is in there") }).to_string()
        })
        .collect();
    let texts = home.path().join("texts.jsonl");
    std::fs::write(&texts, lines.join("\n")).expect("write");
    let spec = format!("roberta:{}", dir.display());
    let out = run_ok(arch(home.path()).args([
        "--format",
        "json",
        "feedback",
        "--analyze",
        "--from",
        &texts.display().to_string(),
        "--classifier",
        &spec,
        "--models-dir",
        &models_dir(),
    ]));
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(rows.len(), 37, "37 texts in three batches of at most 16");
    assert!(
        dir.join("rust_model.ot").exists(),
        "safetensors converted for libtorch"
    );
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["id"], i);
        let p = &row["sentiment"]["probabilities"];
        let probs: Vec<f64> = ["positive", "neutral", "negative"]
            .iter()
            .map(|k| p[k].as_f64().unwrap())
            .collect();
        assert!(
            (probs.iter().sum::<f64>() - 1.0).abs() < 1e-4,
            "softmax over the model's three labels"
        );
        // Random weights give an unsure, near-uniform reading, not a confident one.
        assert!(probs.iter().all(|x| *x > 0.05), "{row}");
    }
    // The same text alone reads the same as in a batch (padding does not leak).
    let alone = run_ok(arch(home.path()).args([
        "--format",
        "json",
        "feedback",
        "--analyze",
        "the thing 3 is in there",
        "--classifier",
        &spec,
        "--models-dir",
        &models_dir(),
    ]));
    let alone: serde_json::Value = serde_json::from_str(&alone).expect("json");
    let a = alone["sentiment"]["probabilities"]["positive"]
        .as_f64()
        .unwrap();
    let b = rows[3]["sentiment"]["probabilities"]["positive"]
        .as_f64()
        .unwrap();
    assert!((a - b).abs() < 1e-4, "{a} vs {b}");

    // An emotion model (multi-label): its labels land on the emotions, sigmoid-scaled.
    let emo = home.path().join("roberta-emotion");
    tiny_roberta(&emo, &["joy", "anger", "disgust"], true);
    let out = run_ok(arch(home.path()).args([
        "--format",
        "json",
        "feedback",
        "--analyze",
        "the thing",
        "--classifier",
        &format!("roberta:{}", emo.display()),
        "--models-dir",
        &models_dir(),
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let joy = v["emotions"]["joy"].as_f64().unwrap();
    assert!(
        joy > 0.2 && joy < 0.8,
        "sigmoid of a small random logit: {joy}"
    );

    // Labels that name nothing arch knows: a message that says how to fix it.
    let odd = home.path().join("roberta-odd");
    tiny_roberta(&odd, &["LABEL_0", "LABEL_1"], false);
    let out = arch(home.path())
        .args([
            "feedback",
            "--analyze",
            "text",
            "--classifier",
            &format!("roberta:{}", odd.display()),
            "--models-dir",
            &models_dir(),
        ])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("rename them in id2label"));
}

#[test]
fn the_shipped_classifier_scores_what_its_model_card_says() {
    let data = repo_root().join("../shared/data/feedback");
    assert!(
        data.join("github_gold_train.csv").exists(),
        "the labelled texts are expected in {} (the checkout's ../shared)",
        data.display()
    );
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("models/feedback/minilm-feedback.metrics.json"))
            .expect("committed metrics"),
    )
    .expect("json");
    let home = config_home();
    let out_file = home.path().join("metrics.json");
    let copy = home.path().join("minilm-feedback.ot");
    std::fs::copy(
        repo_root().join("models/feedback/minilm-feedback.ot"),
        &copy,
    )
    .expect("copy");
    run_ok(arch(home.path()).args([
        "feedback",
        "train",
        "--evaluate",
        &copy.display().to_string(),
        "--data",
        &data.display().to_string(),
        "--models-dir",
        &models_dir(),
    ]));
    let _ = out_file;
    let measured: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(home.path().join("minilm-feedback.metrics.json"))
            .expect("written"),
    )
    .expect("json");
    for task in [
        "github_sentiment",
        "github_emotions",
        "stack_overflow_sentiment",
    ] {
        let want = committed[task]["macro_f1"].as_f64().unwrap();
        let got = measured[task]["macro_f1"].as_f64().unwrap();
        assert!(
            (want - got).abs() < 0.01,
            "{task}: committed {want}, measured {got}"
        );
        assert_eq!(
            committed[task]["texts"], measured[task]["texts"],
            "{task}: same held-out sample"
        );
    }
    assert!(measured["github_sentiment"]["macro_f1"].as_f64().unwrap() >= 0.85);
}
