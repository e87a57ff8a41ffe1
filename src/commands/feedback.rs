//! `arch feedback`: read a text (and what the user did) → reward → pattern scores;
//! `--analyze` only reads; `--explain` shows a recorded reward's arithmetic;
//! `arch feedback train`: build and measure the default classifier.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::{FeedbackAction, FeedbackArgs, FeedbackCommand, FeedbackTrainArgs, GlobalArgs};
use crate::commands::learn::location;
use crate::commands::{resolve_settings, Outcome};
use crate::feedback::classifier::{self, Classifier, MiniLmClassifier, Reading};
use crate::feedback::reward::{self, ACTION_CONFIDENCE, ACTION_WEIGHT, LEARNING_RATE};
use crate::feedback::{self, data, train, FeedbackError, Target, EMOTIONS, MAX_CHARS};
use crate::kb::{self, FeedbackRecord, StoredEvent};
use crate::settings::{Format, Layer};

/// The models directory: the flag, then models.dir, then the default.
fn models_dir(global: &GlobalArgs, flag: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    let settings = resolve_settings(global, None, Layer::default())?;
    settings
        .models_dir
        .value
        .or_else(crate::models::default_dir)
        .ok_or_else(|| {
            anyhow::anyhow!("no models directory: pass --models-dir or set ARCH_MODELS_DIR")
        })
}

fn format(global: &GlobalArgs) -> anyhow::Result<Format> {
    Ok(resolve_settings(global, None, Layer::default())?
        .format
        .value)
}

/// A usage error with `message` (exit code 2).
fn invalid(message: String) -> anyhow::Error {
    crate::Error::from(FeedbackError::Invalid(message)).into()
}

/// Runs `arch feedback`.
pub fn run(global: &GlobalArgs, args: FeedbackArgs) -> anyhow::Result<Outcome> {
    if let Some(FeedbackCommand::Train(train)) = args.command {
        return run_train(global, train);
    }
    if let Some(id) = args.explain {
        return explain(global, args.db.db, id);
    }
    let spec = args.classifier.clone();
    let flag_dir = args.models_dir.clone();
    let open_classifier = move |global: &GlobalArgs| -> anyhow::Result<Box<dyn Classifier>> {
        let dir = models_dir(global, flag_dir.clone())?;
        classifier::open(spec.as_deref(), &dir, crate::embed::encoder_exe())
            .map_err(|e| crate::Error::from(e).into())
    };
    if args.analyze {
        return analyze(global, &args, open_classifier);
    }
    record(global, args, open_classifier)
}

/// `--analyze`: what a text reads as, or a file of `{"id", "text"}` lines, one JSON line
/// out per line in.
fn analyze(
    global: &GlobalArgs,
    args: &FeedbackArgs,
    open_classifier: impl Fn(&GlobalArgs) -> anyhow::Result<Box<dyn Classifier>>,
) -> anyhow::Result<Outcome> {
    let format = format(global)?;
    let mut stdout = std::io::stdout().lock();
    if let Some(path) = &args.from {
        #[derive(serde::Deserialize)]
        struct TextLine {
            id: serde_json::Value,
            text: String,
        }
        let (good, bad) = read_lines::<TextLine>(path)?;
        let texts: Vec<&str> = good.iter().map(|(_, l)| l.text.as_str()).collect();
        let classifier = open_classifier(global)?;
        let readings = read_texts(Some(&*classifier), &texts, global.quiet)?;
        let mut out: Vec<(usize, serde_json::Value)> = good
            .iter()
            .zip(&readings)
            .map(|((n, l), r)| (*n, reading_json(Some(&l.id), r)))
            .collect();
        for (n, why) in &bad {
            eprintln!("{}:{n}: {why}; skipped", path.display());
            out.push((*n, serde_json::json!({ "line": n, "error": why })));
        }
        out.sort_by_key(|(n, _)| *n);
        for (_, v) in out {
            if format == Format::Json {
                writeln!(stdout, "{v}")?;
            } else {
                writeln!(stdout, "{}", serde_json::to_string_pretty(&v)?)?;
            }
        }
        return Ok(Outcome::Success);
    }
    let text = positional_text(args.text.clone())?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| invalid("empty text: give the words to analyse (or --from FILE)".into()))?;
    let classifier = open_classifier(global)?;
    let reading = read_texts(Some(&*classifier), &[text.as_str()], global.quiet)?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("the classifier returned nothing"))?;
    if format == Format::Json {
        writeln!(stdout, "{}", reading_json(None, &reading))?;
    } else {
        write!(stdout, "{}", describe_reading(&reading))?;
    }
    Ok(Outcome::Success)
}

/// The documented per-text JSON line of `--analyze`.
fn reading_json(id: Option<&serde_json::Value>, r: &Reading) -> serde_json::Value {
    let mut v = serde_json::json!({
        "sentiment": r.sentiment,
        "emotions": r.emotions,
        "signals": r.signals,
    });
    if let Some(id) = id {
        v.as_object_mut().map(|o| o.insert("id".into(), id.clone()));
        // The documented order: id first.
        let mut ordered = serde_json::Map::new();
        ordered.insert("id".into(), id.clone());
        for (k, val) in v.as_object().into_iter().flatten() {
            if k != "id" {
                ordered.insert(k.clone(), val.clone());
            }
        }
        v = serde_json::Value::Object(ordered);
    }
    v
}

fn describe_reading(r: &Reading) -> String {
    let p = r.sentiment.probabilities;
    let e = r.emotions.to_array();
    let present = r.emotions.present();
    format!(
        "sentiment     {} (positive {:.2}, neutral {:.2}, negative {:.2})\nemotions      {}\n              {}\nsignals       frustration {:.2}, satisfaction {:.2}, confidence {:.2}\n",
        r.sentiment.label.name(),
        p.positive,
        p.neutral,
        p.negative,
        if present.is_empty() {
            "none present (each below 0.50)".to_string()
        } else {
            present.join(", ")
        },
        EMOTIONS
            .iter()
            .zip(e)
            .map(|(n, v)| format!("{n} {v:.2}"))
            .collect::<Vec<_>>()
            .join(", "),
        r.signals.frustration,
        r.signals.satisfaction,
        r.signals.confidence,
    )
}

/// Records one event (the command line) or a batch (`--from`), in one transaction.
fn record(
    global: &GlobalArgs,
    args: FeedbackArgs,
    open_classifier: impl Fn(&GlobalArgs) -> anyhow::Result<Box<dyn Classifier>>,
) -> anyhow::Result<Outcome> {
    let mut store = kb::open(&location(args.db.db.clone())?).map_err(crate::Error::from)?;
    store.migrate().map_err(crate::Error::from)?;
    let learned = store.patterns().map_err(crate::Error::from)?;
    let mut pending: Vec<Pending> = Vec::new();
    let mut bad: Vec<(usize, String)> = Vec::new();
    let source = args.from.clone();
    match &source {
        Some(path) => {
            if args.text.is_some() || args.on.is_some() || args.action.is_some() {
                anyhow::bail!(
                    "--from reads every event from the file; drop the text, --on and --action"
                );
            }
            let (good, unreadable) = read_lines::<EventLine>(path)?;
            bad.extend(unreadable);
            for (n, line) in good {
                match validate(line, &learned) {
                    Ok(p) => pending.push(p),
                    Err(e) => bad.push((n, e.to_string())),
                }
            }
            bad.sort();
            for (n, why) in &bad {
                eprintln!("{}:{n}: {why}", path.display());
            }
            if args.atomic && !bad.is_empty() {
                return Err(invalid(format!(
                    "{} of {} lines of {} are bad; nothing recorded (--atomic)",
                    bad.len(),
                    bad.len() + pending.len(),
                    path.display()
                )));
            }
        }
        None => {
            let event = EventLine {
                text: positional_text(args.text.clone())?,
                on: args.on.clone(),
                action: args.action,
                edit_distance: args.edit_distance,
            };
            pending.push(validate(event, &learned).map_err(crate::Error::from)?);
        }
    }
    let texts: Vec<&str> = pending.iter().filter_map(|p| p.text.as_deref()).collect();
    let classifier = if texts.is_empty() {
        None
    } else {
        Some(open_classifier(global)?)
    };
    let mut readings = read_texts(classifier.as_deref(), &texts, global.quiet)?.into_iter();
    let name = classifier.as_ref().map(|c| c.name());
    let mut records = Vec::with_capacity(pending.len());
    for p in pending {
        let reading = if p.text.is_some() {
            readings.next()
        } else {
            None
        };
        let Some(reward) = reward::reward(reading.as_ref(), p.action, p.edit_distance) else {
            continue;
        };
        records.push(FeedbackRecord {
            target_kind: p.target.kind.clone(),
            target_id: p.target.id.clone(),
            patterns: p.target.patterns.clone(),
            text: p.text,
            action: p.action.map(|a| action_name(a).to_string()),
            edit_distance: p.edit_distance,
            classifier: reading.as_ref().and(name.clone()),
            reading,
            reward,
        });
    }
    let stored = store
        .record_feedback(&records)
        .map_err(crate::Error::from)?;
    let format = format(global)?;
    let mut stdout = std::io::stdout().lock();
    if format == Format::Json {
        if source.is_some() {
            for s in &stored {
                writeln!(stdout, "{}", serde_json::to_string(s)?)?;
            }
        } else if let Some(s) = stored.first() {
            writeln!(stdout, "{}", serde_json::to_string_pretty(s)?)?;
        }
    } else if source.is_some() {
        let changed: usize = stored.iter().map(|s| s.changes.len()).sum();
        writeln!(
            stdout,
            "recorded {} events (ids {}–{}); {changed} pattern scores changed",
            stored.len(),
            stored.first().map_or(0, |s| s.id),
            stored.last().map_or(0, |s| s.id),
        )?;
    } else if let Some(s) = stored.first() {
        write!(stdout, "{}", describe_event(s))?;
    }
    if !bad.is_empty() {
        return Err(invalid(format!(
            "{} line(s) of {} not recorded (listed above); the {} good ones were",
            bad.len(),
            source.as_deref().unwrap_or(Path::new("-")).display(),
            stored.len()
        )));
    }
    Ok(Outcome::Success)
}

fn action_name(a: FeedbackAction) -> &'static str {
    match a {
        FeedbackAction::Accept => "accept",
        FeedbackAction::Edit => "edit",
        FeedbackAction::Delete => "delete",
        FeedbackAction::Ignore => "ignore",
    }
}

/// What a recorded event did, for a person.
fn describe_event(s: &StoredEvent) -> String {
    let r = &s.record;
    let mut out = format!("event {} on {}:{}\n", s.id, r.target_kind, r.target_id);
    if let Some(reading) = &r.reading {
        out.push_str(&describe_reading(reading));
    }
    if let Some(a) = &r.action {
        out.push_str(&format!(
            "implicit      {a}{} → {:+.2}\n",
            r.edit_distance
                .map(|d| format!(" ({d} characters changed)"))
                .unwrap_or_default(),
            r.reward.implicit.unwrap_or(0.0)
        ));
    }
    out.push_str(&format!(
        "reward        {:+.2} (certainty {:.2}); `arch feedback --explain {}` shows the arithmetic\n",
        r.reward.value, r.reward.confidence, s.id
    ));
    if s.changes.is_empty() {
        out.push_str(&format!(
            "scores        unchanged: the knowledge base has no learned pattern {}\n",
            r.patterns
                .iter()
                .map(|(k, i)| format!("{k}/{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for c in &s.changes {
        out.push_str(&format!(
            "score         {}/{}: {:+.3} → {:+.3}\n",
            c.kind, c.taxonomy_id, c.before, c.after
        ));
    }
    out
}

/// `--explain EVENT`: every term of the reward and the score step, with its numbers.
fn explain(global: &GlobalArgs, db: Option<String>, id: i64) -> anyhow::Result<Outcome> {
    let store = kb::open(&location(db)?).map_err(crate::Error::from)?;
    let event = store
        .feedback_event(id)
        .map_err(crate::Error::from)?
        .ok_or_else(|| {
            invalid(format!("no feedback event {id} in the knowledge base; events are numbered from 1 in the order they were recorded"))
        })?;
    let mut stdout = std::io::stdout().lock();
    if format(global)? == Format::Json {
        writeln!(stdout, "{}", serde_json::to_string_pretty(&event)?)?;
        return Ok(Outcome::Success);
    }
    let r = &event.record;
    let mut out = format!(
        "event {} on {}:{}, recorded {}\n",
        event.id,
        r.target_kind,
        r.target_id,
        kb::utc(event.recorded_at)
    );
    if let Some(text) = &r.text {
        let shown: String = text.chars().take(200).collect();
        let more = if text.chars().count() > 200 {
            "…"
        } else {
            ""
        };
        out.push_str(&format!("text          {shown:?}{more}\n"));
    }
    if let Some(reading) = &r.reading {
        let p = reading.sentiment.probabilities;
        let e = reading.emotions;
        let s = reading.signals;
        out.push_str(&describe_reading(reading));
        out.push_str(&format!(
            "frustration   = max(P(negative) {:.2}, anger {:.2}, sadness {:.2}) = {:.2}\n",
            p.negative, e.anger, e.sadness, s.frustration
        ));
        out.push_str(&format!(
            "satisfaction  = max(P(positive) {:.2}, joy {:.2}, love {:.2}) = {:.2}\n",
            p.positive, e.joy, e.love, s.satisfaction
        ));
        out.push_str(&format!(
            "confidence    = (1 − H(sentiment)/ln 3) · (1 − fear {:.2} / 2) = {:.2}\n",
            e.fear, s.confidence
        ));
        out.push_str(&format!(
            "explicit e    = satisfaction − frustration = {:.2} − {:.2} = {:+.2}\n",
            s.satisfaction,
            s.frustration,
            r.reward.explicit.unwrap_or(0.0)
        ));
    }
    if let (Some(a), Some(i)) = (&r.action, r.reward.implicit) {
        let rule = match a.as_str() {
            "edit" => format!(
                "1 − 1.5·min(1, {} / {})",
                r.edit_distance
                    .map_or("unknown (counted as 100)".to_string(), |d| d.to_string()),
                reward::EDIT_SCALE
            ),
            "accept" => "+1".into(),
            "delete" => "−1".into(),
            _ => "−0.25".into(),
        };
        out.push_str(&format!("implicit i    = {a}: {rule} = {i:+.2}\n"));
    }
    match (r.reward.implicit, r.reward.explicit) {
        (Some(i), Some(e)) => {
            out.push_str(&format!(
                "reward r      = {ACTION_WEIGHT}·i + {:.1}·e = {ACTION_WEIGHT}·{i:+.2} + {:.1}·{e:+.2} = {:+.3}\n",
                1.0 - ACTION_WEIGHT,
                1.0 - ACTION_WEIGHT,
                r.reward.value
            ));
            out.push_str(&format!(
                "certainty c   = 1 − (1 − {ACTION_CONFIDENCE})·(1 − confidence) = {:.3}\n",
                r.reward.confidence
            ));
        }
        (Some(_), None) => out.push_str(&format!(
            "reward r      = i = {:+.3}; certainty c = {ACTION_CONFIDENCE} (an action alone)\n",
            r.reward.value
        )),
        _ => out.push_str(&format!(
            "reward r      = e = {:+.3}; certainty c = confidence = {:.3}\n",
            r.reward.value, r.reward.confidence
        )),
    }
    if event.changes.is_empty() {
        out.push_str("scores        no learned pattern behind the target: nothing changed\n");
    }
    for c in &event.changes {
        out.push_str(&format!(
            "score         {}/{}: s + {LEARNING_RATE}·c·(r − s) = {:+.3} + {LEARNING_RATE}·{:.3}·({:+.3} − {:+.3}) = {:+.3}\n",
            c.kind, c.taxonomy_id, c.before, r.reward.confidence, r.reward.value, c.before, c.after
        ));
    }
    write!(stdout, "{out}")?;
    Ok(Outcome::Success)
}

fn run_train(global: &GlobalArgs, args: FeedbackTrainArgs) -> anyhow::Result<Outcome> {
    let encoder_dir = models_dir(global, args.models_dir)?.join(crate::embed::MODEL);
    let corpus = data::load(&args.data).map_err(crate::Error::from)?;
    if let Some(path) = &args.export_held_out {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (i, (e, split)) in corpus.examples.iter().enumerate() {
            if *split == data::Split::Train {
                continue;
            }
            let line = serde_json::json!({
                "id": i,
                "source": e.source,
                "text": e.text,
                "sentiment": e.sentiment,
                "emotions": EMOTIONS.iter().zip(e.emotions).map(|(n, v)| (n.to_string(), serde_json::json!(v))).collect::<serde_json::Map<String, serde_json::Value>>(),
            });
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        println!("wrote the held-out texts to {}", path.display());
        return Ok(Outcome::Success);
    }
    let options = train::TrainOptions {
        tuned_layers: args.tuned_layers,
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        seed: args.seed,
        emotion_oversampling: args.emotion_oversampling,
        ..Default::default()
    };
    let exe = crate::embed::encoder_exe();
    let out = match args.evaluate {
        Some(file) => file,
        None => {
            let out = args.out.unwrap_or_else(train::default_output);
            if !global.quiet {
                eprintln!(
                    "training on {} texts from {} (held out: {})",
                    corpus.split(data::Split::Train).count(),
                    args.data.display(),
                    corpus.examples.len() - corpus.split(data::Split::Train).count()
                );
            }
            if let Some(parent) = out.parent() {
                std::fs::create_dir_all(parent)?;
            }
            train::train(&exe, &encoder_dir, &corpus, &options, &out)?;
            out
        }
    };
    let classifier = MiniLmClassifier::new(exe, &encoder_dir, &out)?;
    let evaluation = train::evaluate(&classifier, &corpus, &options)?;
    let metrics = out.with_extension("metrics.json");
    std::fs::write(&metrics, serde_json::to_string_pretty(&evaluation)? + "\n")?;
    println!(
        "GitHub sentiment macro-F1 {:.3} ({} texts), GitHub six-emotion macro-F1 {:.3} ({} texts), Stack Overflow sentiment macro-F1 {:.3} ({} texts)\nwrote {} and {}",
        evaluation.github_sentiment.macro_f1,
        evaluation.github_sentiment.texts,
        evaluation.github_emotions.macro_f1,
        evaluation.github_emotions.texts,
        evaluation.stack_overflow_sentiment.macro_f1,
        evaluation.stack_overflow_sentiment.texts,
        out.display(),
        metrics.display()
    );
    Ok(Outcome::Success)
}
/// Texts sent to the classifier per `arch-embed` run: large enough to amortise loading the
/// model, small enough that a long file shows progress and bounded memory.
const CLASSIFY_CHUNK: usize = 2048;

/// One event as a JSON line of `--from` (and as the command line gives it).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EventLine {
    text: Option<String>,
    on: Option<String>,
    action: Option<FeedbackAction>,
    edit_distance: Option<u64>,
}

/// A validated event waiting for its reading.
struct Pending {
    text: Option<String>,
    target: Target,
    action: Option<FeedbackAction>,
    edit_distance: Option<u64>,
}

/// Checks one event; the message says what to fix.
fn validate(event: EventLine, learned: &[kb::Pattern]) -> Result<Pending, FeedbackError> {
    let text = event.text.filter(|t| !t.trim().is_empty());
    if text.is_none() && event.action.is_none() {
        return Err(FeedbackError::Invalid(
            "empty feedback: write what you think, or give --action accept|edit|delete|ignore"
                .into(),
        ));
    }
    if event.edit_distance.is_some() && event.action != Some(FeedbackAction::Edit) {
        return Err(FeedbackError::Invalid(
            "--edit-distance goes with --action edit".into(),
        ));
    }
    let on = event.on.ok_or_else(|| {
        FeedbackError::Invalid(
            "say what the feedback is about with --on finding:KIND/ID or pattern:KIND/ID (or only read the text with --analyze)".into(),
        )
    })?;
    Ok(Pending {
        text,
        target: feedback::resolve_target(&on, learned)?,
        action: event.action,
        edit_distance: event.edit_distance,
    })
}

/// The positional text: `-` reads stdin; bytes that are not UTF-8 are refused, not mangled.
fn positional_text(text: Option<std::ffi::OsString>) -> anyhow::Result<Option<String>> {
    let Some(text) = text else { return Ok(None) };
    let bytes = if text == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        text.into_encoded_bytes()
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => Err(invalid(format!(
            "the feedback text is not valid UTF-8 (byte {} is not); re-encode it as UTF-8 (for example with iconv) and try again",
            e.utf8_error().valid_up_to()
        ))),
    }
}

/// Lines by number: the parsed ones, and the bad ones with why.
type Lines<T> = (Vec<(usize, T)>, Vec<(usize, String)>);

/// Reads a JSON-lines file: each good line parsed, each bad one with its number and why.
fn read_lines<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Lines<T>> {
    let bytes =
        std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let number = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match std::str::from_utf8(raw) {
            Err(e) => bad.push((
                number,
                format!("not UTF-8 (byte {} of the line)", e.valid_up_to() + 1),
            )),
            Ok(line) => match serde_json::from_str::<T>(line) {
                Ok(v) => good.push((number, v)),
                Err(e) => bad.push((number, format!("not a valid event: {e}"))),
            },
        }
    }
    Ok((good, bad))
}

/// Readings for the texts of `pending`, in chunks, with a warning for long texts.
fn read_texts(
    classifier: Option<&dyn Classifier>,
    texts: &[&str],
    quiet: bool,
) -> anyhow::Result<Vec<Reading>> {
    if texts.is_empty() {
        return Ok(Vec::new());
    }
    let classifier = classifier.ok_or_else(|| anyhow::anyhow!("no classifier loaded"))?;
    for t in texts {
        let chars = t.chars().count();
        if chars > MAX_CHARS && !quiet {
            eprintln!(
                "warning: a text of {chars} characters: the classifier reads its first {MAX_CHARS} (the whole text is kept)"
            );
        }
    }
    let mut readings = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(CLASSIFY_CHUNK) {
        let owned: Vec<String> = chunk.iter().map(|t| t.to_string()).collect();
        readings.extend(classifier.classify(&owned)?);
    }
    Ok(readings)
}
