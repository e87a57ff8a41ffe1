//! `arch analyze`: settings → walk → parse → facts → graph → detect → report, or, with
//! `--check`, → rules → baseline → violations → CI report and exit code.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::analysis::{self, Analysis, Progress};
use crate::cli::{AnalyzeArgs, GlobalArgs};
use crate::commands::{resolve_settings, use_color, Outcome};
use crate::detect;
use crate::report;
use crate::rules::{self, baseline};
use crate::settings::{Format, Layer, Settings, REPO_CONFIG};

/// Warnings printed without `-v`.
const WARNINGS_SHOWN: usize = 10;

/// Runs `arch analyze`.
pub fn run(global: &GlobalArgs, args: AnalyzeArgs) -> anyhow::Result<Outcome> {
    let repo = repo_dir(&args.path);
    let settings = resolve_settings(global, Some(&repo), flags(&args))?;
    let format = settings.format.value;
    let checking = args.check || format.implies_check() || args.baseline_write.is_some();
    // Rules are read before the analysis so a broken rules file fails fast.
    let rules = if checking {
        let path = args.rules.clone().unwrap_or_else(|| repo.join(REPO_CONFIG));
        match rules::load(&path) {
            Ok(Some(rules)) => Some(rules),
            Ok(None) => return Err(crate::Error::NoRules { path }.into()),
            Err(rules::RulesError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return Err(crate::Error::NoRules { path }.into())
            }
            Err(e) => return Err(crate::Error::Rules(e).into()),
        }
    } else {
        None
    };
    let known_baseline = args
        .baseline
        .as_deref()
        .map(baseline::read)
        .transpose()
        .map_err(crate::Error::from)?;

    let skip_detection = rules.as_ref().is_some_and(|r| !r.needs_findings());
    let options = super::analyze_options(&settings, skip_detection);
    let progress = TerminalProgress::new(&settings, global.quiet);
    let (analysis, info) = analysis::analyze_timed(&args.path, &options, &progress)?;
    print_diagnostics(global, &analysis, &info)?;

    let color = args.output.is_none() && use_color(settings.color.value);
    let (rendered, outcome) = match rules {
        Some(mut rules) => {
            rules.expand_preset(&analysis);
            if let Some(path) = &args.baseline_write {
                let all = rules::violations(&analysis, &rules);
                baseline::write(path, &all).map_err(crate::Error::from)?;
                if !global.quiet {
                    eprintln!(
                        "wrote {} violation(s) to the baseline {}",
                        all.len(),
                        path.display()
                    );
                }
                return Ok(Outcome::Success);
            }
            let changed = args
                .changed_since
                .as_deref()
                .map(|rev| changed_modules(&repo, rev))
                .transpose()?;
            let report = rules::check(&analysis, &rules, known_baseline.as_ref(), changed.as_ref());
            let outcome = if report.violations.is_empty() {
                Outcome::Success
            } else {
                Outcome::Violations
            };
            (report::check::render(&report, format, color), outcome)
        }
        None => {
            let rendered = match &args.explain {
                Some(id) => explain(&analysis, id, format)?,
                None => report::render(&analysis, format, color),
            };
            (rendered, Outcome::Success)
        }
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
    // The process ends right after this: freeing a large repository's facts one string at
    // a time would only delay the exit (tens of milliseconds on a million lines).
    std::mem::forget(analysis);
    Ok(outcome)
}

fn print_diagnostics(
    global: &GlobalArgs,
    analysis: &Analysis,
    info: &analysis::RunInfo,
) -> anyhow::Result<()> {
    if global.quiet {
        return Ok(());
    }
    let mut stderr = std::io::stderr().lock();
    if let Some(problem) = &info.cache_problem {
        writeln!(stderr, "warning: {problem}")?;
    }
    // A large tree can produce hundreds of warnings: show a screenful unless asked for all.
    let shown = if global.verbose > 0 {
        usize::MAX
    } else {
        WARNINGS_SHOWN
    };
    for warning in analysis.warnings.iter().take(shown) {
        writeln!(stderr, "warning: {}: {}", warning.path, warning.message)?;
    }
    if analysis.warnings.len() > shown {
        writeln!(
            stderr,
            "warning: … and {} more (arch -v analyze lists them all; the JSON report has them under `warnings`)",
            analysis.warnings.len() - shown
        )?;
    }
    if global.verbose > 0 {
        let t = &info.times;
        writeln!(
            stderr,
            "timing: walk {:.3}s, parse {:.3}s, facts {:.3}s, graph {:.3}s, detect {:.3}s; {} parsed, {} from the cache",
            t.walk.as_secs_f64(),
            t.parse.as_secs_f64(),
            t.facts.as_secs_f64(),
            t.graph.as_secs_f64(),
            t.detect.as_secs_f64(),
            info.parsed,
            info.cache_hits
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
    Ok(())
}

/// Modules with a file changed since `rev` (committed, staged, unstaged or untracked), by
/// path relative to `repo`.
fn changed_modules(repo: &Path, rev: &str) -> Result<BTreeSet<String>, crate::Error> {
    let git = |args: &[&str]| -> Result<String, crate::Error> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(args)
            .output()
            .map_err(|e| crate::Error::Git {
                rev: rev.to_string(),
                message: format!("cannot run git: {e}"),
            })?;
        if !out.status.success() {
            return Err(crate::Error::Git {
                rev: rev.to_string(),
                message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let mut files = git(&["diff", "--name-only", "--relative", rev, "--"])?;
    files.push_str(&git(&["ls-files", "--others", "--exclude-standard"])?);
    Ok(files
        .lines()
        .filter(|l| !l.is_empty())
        .map(|f| crate::graph::module_of(f).to_string())
        .collect())
}

/// `--explain ID`: the assessments behind one id (both kinds when an id names two).
fn explain(analysis: &Analysis, id: &str, format: Format) -> anyhow::Result<String> {
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
            format!(
                "not reported (threshold {:.2})",
                detect::threshold(a.kind, &a.id)
            )
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
fn repo_dir(path: &Path) -> PathBuf {
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
    layer.analyze.cache = args.no_cache.then_some(false);
    layer.analyze.cache_dir = args.cache_dir.clone();
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
