//! `arch analyze`: settings → walk → parse → facts → graph → report.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::analysis::{self, AnalyzeOptions, Progress};
use crate::cli::{AnalyzeArgs, GlobalArgs};
use crate::commands::{resolve_settings, use_color, Outcome};
use crate::detect;
use crate::report;
use crate::settings::{Format, Layer, Settings};
use crate::walk::WalkOptions;

/// Runs `arch analyze`.
pub fn run(global: &GlobalArgs, args: AnalyzeArgs) -> anyhow::Result<Outcome> {
    let settings = resolve_settings(global, Some(&repo_dir(&args.path)), flags(&args))?;
    let options = AnalyzeOptions {
        walk: WalkOptions {
            max_file_size: settings.max_file_size.value,
            exclude: settings.exclude.value.clone(),
            include_vendored: settings.include_vendored.value,
            follow_symlinks: settings.follow_symlinks.value,
        },
        threads: settings.threads.value,
    };

    let progress = TerminalProgress::new(&settings, global.quiet);
    let (analysis, times) = analysis::analyze_timed(&args.path, &options, &progress)?;

    if !global.quiet {
        let mut stderr = std::io::stderr().lock();
        for warning in &analysis.warnings {
            writeln!(stderr, "warning: {}: {}", warning.path, warning.message)?;
        }
        if global.verbose > 0 {
            writeln!(
                stderr,
                "timing: walk {:.3}s, parse {:.3}s, facts {:.3}s, graph {:.3}s, detect {:.3}s",
                times.walk.as_secs_f64(),
                times.parse.as_secs_f64(),
                times.facts.as_secs_f64(),
                times.graph.as_secs_f64(),
                times.detect.as_secs_f64()
            )?;
            for skipped in &analysis.skipped.entries {
                writeln!(
                    stderr,
                    "skipped: {} ({})",
                    skipped.path,
                    skipped.reason.as_str()
                )?;
            }
        }
    }

    let color = args.output.is_none() && use_color(settings.color.value);
    let rendered = match &args.explain {
        Some(id) => explain(&analysis, id, settings.format.value)?,
        None => report::render(&analysis, settings.format.value, color),
    };
    match &args.output {
        Some(path) => std::fs::write(path, rendered)
            .with_context(|| format!("cannot write the report to {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(rendered.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(Outcome::Success)
}

/// `--explain ID`: the assessments behind one id (both kinds when an id names two).
fn explain(
    analysis: &crate::analysis::Analysis,
    id: &str,
    format: Format,
) -> anyhow::Result<String> {
    let (kind, id) = match id.split_once(':') {
        Some((kind, id)) => (Some(kind), id),
        None => (None, id),
    };
    let detection = detect::detect(analysis);
    let chosen: Vec<&detect::Assessment> = detection
        .assessments
        .iter()
        .filter(|a| a.id == id && kind.is_none_or(|k| a.kind.as_str() == k))
        .collect();
    if chosen.is_empty() {
        let known: Vec<String> = detect::TAXONOMY
            .iter()
            .flat_map(|(k, ids)| ids.iter().map(move |i| format!("{}:{i}", k.as_str())))
            .collect();
        return Err(crate::Error::UnknownFinding {
            id: id.to_string(),
            known: known.join(", "),
        }
        .into());
    }
    if format == Format::Json {
        let mut out = serde_json::to_string_pretty(&chosen)?;
        out.push('\n');
        return Ok(out);
    }
    let mut out = String::new();
    for a in chosen {
        let verdict = if a.asserted {
            "reported".to_string()
        } else {
            format!("not reported (threshold {:.2})", detect::THRESHOLD)
        };
        out.push_str(&format!(
            "{} {}: confidence {:.2}, {verdict}\n",
            a.kind.as_str(),
            a.id,
            a.confidence
        ));
        for s in &a.signals {
            let state = if s.fired {
                format!("{} hit(s)", s.hits)
            } else if s.hits > 0 {
                format!("{} hit(s), not enough", s.hits)
            } else {
                "not seen".to_string()
            };
            out.push_str(&format!("  {:+.2}  {}  [{state}]\n", s.weight, s.detail));
            for e in &s.evidence {
                let at = match e.line {
                    Some(line) => format!("{}:{line}", e.path),
                    None => e.path.clone(),
                };
                out.push_str(&format!("          {at}: {}\n", e.detail));
            }
        }
        out.push_str("  combined: 1 - Π(1 - w) over positive signals that fired, × Π(1 + w) over negative ones\n\n");
    }
    Ok(out)
}

/// The directory whose `arch.yaml` applies: the path itself, or a file's parent.
fn repo_dir(path: &Path) -> std::path::PathBuf {
    if path.is_file() {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    } else {
        path.to_path_buf()
    }
}

fn flags(args: &AnalyzeArgs) -> Layer {
    let mut layer = Layer::default();
    layer.analyze.max_file_size = args.max_file_size;
    layer.analyze.exclude = (!args.exclude.is_empty()).then(|| args.exclude.clone());
    layer.analyze.include_vendored = args.include_vendored.then_some(true);
    layer.analyze.follow_symlinks = args.follow_symlinks.then_some(true);
    layer.analyze.threads = args.threads;
    layer
}

/// A progress bar on stderr, only when stderr is a terminal and progress is wanted.
struct TerminalProgress {
    bar: Option<ProgressBar>,
}

impl TerminalProgress {
    fn new(settings: &Settings, quiet: bool) -> Self {
        let wanted = settings.progress.value && !quiet && std::io::stderr().is_terminal();
        let bar = wanted.then(|| {
            let bar = ProgressBar::hidden();
            bar.set_style(
                ProgressStyle::with_template("{spinner} parsing {pos}/{len} files [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Self { bar }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
