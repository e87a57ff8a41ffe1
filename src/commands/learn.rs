//! `arch learn`: analyse (or read an analysis) → knowledge base → generalised patterns;
//! `arch db migrate | status`; `arch kb patterns`.

use std::io::Write;
use std::path::Path;

use crate::analysis::{self, Analysis, NoProgress};
use crate::cli::{DbArgs, DbCommand, GlobalArgs, KbCommand, LearnArgs};
use crate::commands::{resolve_settings, Outcome};
use crate::embed::{Embedder, ProcessEncoder};
use crate::kb::{self, KbError};
use crate::settings::{Format, Layer};

/// The knowledge base named by `--db` / `ARCH_DB`, else the default file.
pub(crate) fn location(db: Option<String>) -> anyhow::Result<String> {
    db.or_else(|| kb::default_location().map(|p| p.display().to_string()))
        .ok_or_else(|| anyhow::anyhow!("no knowledge base location: pass --db or set ARCH_DB"))
}

/// The commit `path` is at, when it is a git checkout.
fn revision(path: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(path)
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The MiniLM encoder when it is installed; without it, projects are stored without
/// vectors (and a warning says how to add them).
fn load_encoder(global: &GlobalArgs) -> anyhow::Result<Option<ProcessEncoder>> {
    let settings = resolve_settings(global, None, Layer::default())?;
    let Some(dir) = settings
        .models_dir
        .value
        .or_else(crate::models::default_dir)
    else {
        return Ok(None);
    };
    match ProcessEncoder::new(crate::embed::encoder_exe(), &dir.join(crate::embed::MODEL)) {
        Ok(encoder) => Ok(Some(encoder)),
        Err(crate::embed::EmbedError::NotInstalled(_)) => {
            if !global.quiet {
                eprintln!(
                    "warning: storing without embeddings: the encoder is not installed; run `arch models fetch {}` and learn again",
                    crate::embed::MODEL
                );
            }
            Ok(None)
        }
        Err(e) => Err(crate::Error::from(e).into()),
    }
}

/// Runs `arch learn`.
pub fn run(global: &GlobalArgs, args: LearnArgs) -> anyhow::Result<Outcome> {
    let mut store = kb::open(&location(args.db)?).map_err(crate::Error::from)?;
    let mut learned: Vec<(String, Analysis, Option<String>)> = Vec::new();
    if let Some(file) = &args.from {
        let text = std::fs::read_to_string(file).map_err(|e| {
            crate::Error::Kb(KbError::Analysis {
                path: file.clone(),
                message: e.to_string(),
            })
        })?;
        let analysis: Analysis = serde_json::from_str(&text).map_err(|e| {
            crate::Error::Kb(KbError::Analysis {
                path: file.clone(),
                message: format!("{e}; produce one with `arch analyze --format json`"),
            })
        })?;
        learned.push((format!("analysis:{}", analysis.root), analysis, None));
    }
    for path in &args.paths {
        let settings = resolve_settings(global, Some(path), Layer::default())?;
        let options = super::analyze_options(&settings, false);
        let analysis = analysis::analyze(path, &options, &NoProgress)?;
        let root = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        learned.push((root, analysis, revision(path)));
    }
    let encoder = load_encoder(global)?;
    let mut out = std::io::stdout().lock();
    for (root, analysis, revision) in learned {
        let embeddings = match &encoder {
            Some(encoder) => {
                let (names, texts): (Vec<String>, Vec<String>) =
                    kb::embedding_texts(&analysis).into_iter().unzip();
                let started = std::time::Instant::now();
                let vectors = encoder.embed(&texts).map_err(crate::Error::from)?;
                if global.verbose > 0 {
                    let secs = started.elapsed().as_secs_f64().max(1e-9);
                    eprintln!(
                        "embedded {} texts in {secs:.3}s ({:.1} texts/s)",
                        texts.len(),
                        texts.len() as f64 / secs
                    );
                }
                kb::Embeddings {
                    model: encoder.model().to_string(),
                    vectors: names.into_iter().zip(vectors).collect(),
                }
            }
            None => kb::Embeddings::default(),
        };
        let outcome = store
            .learn(&analysis, &root, revision.as_deref(), &embeddings)
            .map_err(crate::Error::from)?;
        if global.format == Some(Format::Json) {
            writeln!(
                out,
                "{}",
                serde_json::json!({"project": analysis.root, "root": root, "outcome": outcome})
            )?;
        } else if !global.quiet {
            let what = match outcome {
                kb::LearnOutcome::Added => "added",
                kb::LearnOutcome::Updated => "updated",
                kb::LearnOutcome::Unchanged => "unchanged",
            };
            writeln!(
                out,
                "{}: {what} ({} findings)",
                analysis.root,
                analysis.findings.len()
            )?;
        }
    }
    Ok(Outcome::Success)
}

/// Runs `arch db …`.
pub fn db(global: &GlobalArgs, command: DbCommand) -> anyhow::Result<Outcome> {
    let (args, migrate): (DbArgs, bool) = match command {
        DbCommand::Migrate(a) => (a, true),
        DbCommand::Status(a) => (a, false),
    };
    // `open` migrates; `migrate` only says what it did.
    let store = kb::open(&location(args.db)?).map_err(crate::Error::from)?;
    let status = store.status().map_err(crate::Error::from)?;
    let mut out = std::io::stdout().lock();
    if global.format == Some(Format::Json) {
        writeln!(out, "{}", serde_json::to_string_pretty(&status)?)?;
    } else {
        if migrate && !global.quiet {
            writeln!(out, "migrated to version {}", status.version)?;
        }
        writeln!(
            out,
            "{} knowledge base {}: schema version {} of {}, {} project(s)",
            status.backend, status.location, status.version, status.latest, status.projects
        )?;
    }
    Ok(Outcome::Success)
}

/// Runs `arch kb …`.
pub fn kb(global: &GlobalArgs, command: KbCommand) -> anyhow::Result<Outcome> {
    let json = global.format == Some(Format::Json);
    let mut out = std::io::stdout().lock();
    let print = |out: &mut std::io::StdoutLock, value: &dyn erased::Json| -> anyhow::Result<()> {
        writeln!(out, "{}", value.pretty()?)?;
        Ok(())
    };
    match command {
        KbCommand::Stats(args) => {
            let store = kb::open(&location(args.db)?).map_err(crate::Error::from)?;
            let stats = store.stats().map_err(crate::Error::from)?;
            if json {
                print(&mut out, &stats)?;
            } else {
                writeln!(
                    out,
                    "{} projects, {} findings, {} decisions, {} patterns, {} embeddings",
                    stats.projects,
                    stats.findings,
                    stats.decisions,
                    stats.patterns,
                    stats.embeddings
                )?;
            }
        }
        KbCommand::Projects(args) => {
            let store = kb::open(&location(args.db)?).map_err(crate::Error::from)?;
            let projects = store.projects().map_err(crate::Error::from)?;
            if json {
                print(&mut out, &projects)?;
            } else {
                for p in projects {
                    writeln!(
                        out,
                        "{:<24} {:<12} {}",
                        p.name,
                        p.languages.first().map(String::as_str).unwrap_or("-"),
                        p.root
                    )?;
                }
            }
        }
        KbCommand::Patterns(crate::cli::PatternsArgs {
            db: args,
            history: Some(id),
        }) => {
            let store = kb::open(&location(args.db)?).map_err(crate::Error::from)?;
            let patterns = store.patterns().map_err(crate::Error::from)?;
            let target = crate::feedback::resolve_target(&format!("pattern:{id}"), &patterns)
                .or_else(|_| crate::feedback::resolve_target(&format!("finding:{id}"), &patterns))
                .map_err(|_| {
                    anyhow::anyhow!(
                        "unknown pattern {id:?}: give KIND/ID as `arch kb patterns` lists them (for example design/repository)"
                    )
                })?;
            let (kind, taxonomy_id) = target.patterns[0].clone();
            let history = store
                .score_history(&kind, &taxonomy_id)
                .map_err(crate::Error::from)?;
            let current = patterns
                .iter()
                .find(|p| p.kind == kind && p.id == taxonomy_id)
                .map(|p| p.score);
            if json {
                print(
                    &mut out,
                    &serde_json::json!({
                        "kind": kind,
                        "id": taxonomy_id,
                        "score": current,
                        "history": history,
                    }),
                )?;
            } else {
                writeln!(
                    out,
                    "{kind}/{taxonomy_id}: score {}",
                    current.map_or("— (not a learned pattern now)".to_string(), |s| format!(
                        "{s:+.3}"
                    ))
                )?;
                if history.is_empty() {
                    writeln!(out, "    no feedback yet")?;
                }
                for c in history {
                    writeln!(
                        out,
                        "    event {:<5} {:+.3} → {:+.3}   {}",
                        c.event_id,
                        c.before,
                        c.after,
                        kb::utc(c.changed_at)
                    )?;
                }
            }
        }
        KbCommand::Patterns(crate::cli::PatternsArgs {
            db: args,
            history: None,
        }) => {
            let store = kb::open(&location(args.db)?).map_err(crate::Error::from)?;
            let patterns = store.patterns().map_err(crate::Error::from)?;
            let total = store.stats().map_err(crate::Error::from)?.projects;
            if json {
                print(&mut out, &patterns)?;
            } else {
                for p in patterns {
                    writeln!(
                        out,
                        "{:<14} {:<22} support {} [{}]  mean confidence {:.2}  score {:+.2}\n    {}",
                        p.kind,
                        p.id,
                        p.support,
                        p.projects.join(", "),
                        p.mean_confidence,
                        p.score,
                        kb::pattern_sentence(&p, total)
                    )?;
                }
            }
        }
        KbCommand::Search(args) => {
            let store = kb::open(&location(args.db.db)?).map_err(crate::Error::from)?;
            let projects = store.projects().map_err(crate::Error::from)?;
            let vectors = store.vectors().map_err(crate::Error::from)?;
            let encoder = if vectors.is_empty() {
                None
            } else {
                load_encoder(global)?
            };
            let query_vector = match &encoder {
                Some(encoder) => encoder
                    .embed(std::slice::from_ref(&args.query))
                    .map_err(crate::Error::from)?
                    .pop(),
                None => None,
            };
            let hits = kb::search(
                &projects,
                &vectors,
                &args.query,
                query_vector.as_deref(),
                args.limit,
            );
            if json {
                print(&mut out, &hits)?;
            } else {
                if query_vector.is_none() && !global.quiet {
                    eprintln!("note: words only (no stored vectors or no encoder installed)");
                }
                for h in hits {
                    let vector = h
                        .vector
                        .as_ref()
                        .map(|(c, what)| format!("cosine {c:.2} on its {what}"))
                        .unwrap_or_else(|| "no vector".to_string());
                    let words = if h.words.is_empty() {
                        "no words".to_string()
                    } else {
                        format!("words: {}", h.words.join(", "))
                    };
                    writeln!(out, "{:.3}  {:<24} {vector}; {words}", h.score, h.project)?;
                }
            }
        }
        KbCommand::Replay(args) => {
            let store = kb::open(&location(args.db.db)?).map_err(crate::Error::from)?;
            let patterns = store.patterns().map_err(crate::Error::from)?;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            let priorities: Vec<f64> = patterns
                .iter()
                .map(|p| {
                    let days = p.last_used.map(|t| now.saturating_sub(t) as f64 / 86_400.0);
                    kb::replay_priority(p, p.score, days)
                })
                .collect();
            let sample = kb::replay_sample(&patterns, &priorities, args.sample, args.seed);
            if json {
                let rows: Vec<serde_json::Value> = sample
                    .iter()
                    .map(|(p, prio)| serde_json::json!({"kind": p.kind, "id": p.id, "support": p.support, "priority": (prio * 1000.0).round() / 1000.0}))
                    .collect();
                print(&mut out, &rows)?;
            } else {
                for (p, prio) in sample {
                    writeln!(
                        out,
                        "{prio:.3}  {}:{}  (support {})",
                        p.kind, p.id, p.support
                    )?;
                }
            }
        }
    }
    Ok(Outcome::Success)
}

/// Pretty JSON for any serialisable value behind a `dyn`.
mod erased {
    /// Serialisable, as a trait object.
    pub trait Json {
        /// Pretty-printed JSON.
        fn pretty(&self) -> serde_json::Result<String>;
    }

    impl<T: serde::Serialize> Json for T {
        fn pretty(&self) -> serde_json::Result<String> {
            serde_json::to_string_pretty(self)
        }
    }
}
