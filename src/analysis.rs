//! The analysis pipeline and its result, the JSON contract of `arch analyze`.
//!
//! walk → parse (parallel, one file at a time, trees dropped at once) → project facts →
//! module graph → detection (findings, decisions) → [`Analysis`]. Reports render an
//! `Analysis`; later stages (rules, learning) consume it. The JSON form is versioned by
//! [`SCHEMA_VERSION`] and described by `docs/schema/analysis.schema.json`, generated from
//! these types.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::cache::{Cached, CachedRef, FactCache, Stamp};
use crate::detect::{self, Decision, Finding};
use crate::error::{Error, Result};
use crate::facts::{self, ProjectFacts};
use crate::graph::{self, Cycle, Edge, GraphMetrics, Module, Resolver};
use crate::parse::{self, FileFacts};
use crate::walk::{self, SkipReason, Skipped, WalkOptions};

/// Version of the JSON report. Minor versions add fields; a major version changes or removes them.
pub const SCHEMA_VERSION: &str = "1.14.0";

/// Everything `arch analyze` learned about a repository.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Analysis {
    /// Version of this document's schema.
    pub schema_version: String,
    /// The tool that produced it.
    pub tool: Tool,
    /// Name of the analysed root directory (paths below are relative to it).
    pub root: String,
    /// Totals.
    pub summary: Summary,
    /// Per-language totals, largest code volume first.
    pub languages: Vec<LanguageStats>,
    /// Files and directories left out, with reasons.
    pub skipped: SkippedReport,
    /// Problems that did not stop the analysis.
    pub warnings: Vec<Warning>,
    /// Modules (directories of source files), sorted by id.
    pub modules: Vec<Module>,
    /// Module dependency edges, sorted by (from, to).
    pub edges: Vec<Edge>,
    /// Dependency cycles.
    pub cycles: Vec<Cycle>,
    /// Whole-graph metrics.
    pub metrics: GraphMetrics,
    /// Manifests, dependencies, frameworks, deployment, CI and ADRs.
    pub project: ProjectFacts,
    /// Architecture findings asserted by the detectors: by kind (style, design,
    /// communication, data); the first style is the primary one; within a rank, strongest first.
    pub findings: Vec<Finding>,
    /// Architectural decisions: language, frameworks, persistence, build, deploy, CI, ADRs.
    pub decisions: Vec<Decision>,
    /// Per-file facts, sorted by path.
    pub files: Vec<FileFacts>,
}

/// Name and version of the producing tool.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Tool {
    /// Always `arch`.
    pub name: String,
    /// The crate version.
    pub version: String,
}

/// Totals over the analysed files.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct Summary {
    /// Source files parsed.
    pub files: usize,
    /// Other files seen (documentation, configuration, assets).
    pub other_files: usize,
    /// Entries skipped (a pruned directory counts once).
    pub skipped: usize,
    /// Bytes of parsed source.
    pub bytes: u64,
    /// Lines of parsed source.
    pub lines: u64,
    /// Code lines of parsed source.
    pub code: u64,
    /// Files where tree-sitter recovered from syntax errors.
    pub files_with_syntax_errors: usize,
}

/// Totals for one language.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct LanguageStats {
    /// Language id: rust, python, javascript, typescript, tsx, go, java, kotlin, csharp, ruby, php.
    pub name: String,
    /// Files.
    pub files: usize,
    /// All lines.
    pub lines: u64,
    /// Code lines.
    pub code: u64,
    /// Comment lines.
    pub comments: u64,
    /// Blank lines.
    pub blanks: u64,
    /// Bytes.
    pub bytes: u64,
}

/// What was left out.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
pub struct SkippedReport {
    /// Count per reason.
    pub counts: BTreeMap<String, usize>,
    /// Each skipped entry, sorted by path.
    pub entries: Vec<Skipped>,
}

/// A problem that did not stop the analysis.
#[derive(
    Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
pub struct Warning {
    /// The file concerned, relative to the root.
    pub path: String,
    /// What happened and what to do.
    pub message: String,
}

/// How to run an analysis.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    /// What the walk keeps.
    pub walk: WalkOptions,
    /// Worker threads for parsing; 0 uses every core.
    pub threads: usize,
    /// Directory of the fact cache; `None` parses everything afresh.
    pub cache_dir: Option<std::path::PathBuf>,
    /// Skip detection (findings and decisions stay empty): a rules check that needs no
    /// findings does not pay for them.
    pub skip_detection: bool,
}

/// Receives progress events; the CLI draws a bar on a TTY, tests and pipes pass [`NoProgress`].
pub trait Progress: Sync {
    /// Parsing starts on `total` files.
    fn start(&self, total: u64);
    /// One more file is done.
    fn advance(&self);
    /// Parsing is over.
    fn finish(&self);
}

/// Progress that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

enum Outcome {
    Parsed(Box<FileFacts>),
    Skipped(Skipped),
}

/// Analyses the repository (or single file) at `path`.
pub fn analyze(path: &Path, options: &AnalyzeOptions, progress: &dyn Progress) -> Result<Analysis> {
    analyze_timed(path, options, progress).map(|(analysis, _)| analysis)
}

/// How a run went, beyond its result: stage times and the fact cache (`arch -v analyze`).
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// Wall time per stage.
    pub times: StageTimes,
    /// Files whose facts came from the cache.
    pub cache_hits: usize,
    /// Files parsed in this run.
    pub parsed: usize,
    /// A cache that could not be read or written (the run went on without it).
    pub cache_problem: Option<String>,
}

/// Wall time spent in each stage of one analysis.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Walking the tree.
    pub walk: std::time::Duration,
    /// Reading and parsing sources (parallel).
    pub parse: std::time::Duration,
    /// Project facts.
    pub facts: std::time::Duration,
    /// Import resolution and the module graph.
    pub graph: std::time::Duration,
    /// Findings and decisions.
    pub detect: std::time::Duration,
}

/// [`analyze`], also saying how the run went.
pub fn analyze_timed(
    path: &Path,
    options: &AnalyzeOptions,
    progress: &dyn Progress,
) -> Result<(Analysis, RunInfo)> {
    let mut info = RunInfo::default();
    let mut times = StageTimes::default();
    let mut clock = std::time::Instant::now();
    let mut lap = || {
        let now = std::time::Instant::now();
        let elapsed = now - clock;
        clock = now;
        elapsed
    };
    let walked = walk::walk(path, &options.walk)?;
    times.walk = lap();
    let root = walked.root.clone();

    let sources: Vec<&walk::WalkedFile> = walked
        .files
        .iter()
        .filter(|f| f.language.is_some())
        .collect();
    progress.start(sources.len() as u64);
    let mut cache = options
        .cache_dir
        .as_deref()
        .map(|dir| FactCache::open(dir, &root));
    if let Some(problem) = cache.as_ref().and_then(|c| c.problem.clone()) {
        info.cache_problem = Some(problem);
    }
    // Files whose size and modification time are unchanged come straight from the cache
    // (moved out, not copied); the rest is read, hashed and parsed in parallel.
    let mut results: Vec<(usize, Outcome, Option<Stamp>)> = Vec::with_capacity(sources.len());
    let mut to_parse = Vec::new();
    let include_vendored = options.walk.include_vendored;
    for (i, file) in sources.iter().enumerate() {
        match cache
            .as_mut()
            .and_then(|c| c.take_unchanged(&file.rel, file.size, file.modified_ns))
            .filter(|(_, cached)| cached.applies(include_vendored))
        {
            Some((stamp, cached)) => {
                info.cache_hits += 1;
                progress.advance();
                results.push((i, Outcome::from(cached), Some(stamp)));
            }
            None => to_parse.push(i),
        }
    }
    let parse_all = || -> Vec<(usize, Outcome, Option<Stamp>, bool)> {
        to_parse
            .par_iter()
            .map(|&i| {
                let (outcome, stamp, hit) =
                    parse_cached(sources[i], cache.as_ref(), include_vendored);
                progress.advance();
                (i, outcome, stamp, hit)
            })
            .collect()
    };
    let parsed = if options.threads == 0 {
        parse_all()
    } else {
        rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads)
            .build()
            .map_err(|e| Error::ThreadPool(e.to_string()))?
            .install(parse_all)
    };
    progress.finish();
    for (i, outcome, stamp, hit) in parsed {
        if hit {
            info.cache_hits += 1;
        } else {
            info.parsed += 1;
        }
        if let Some(cache) = cache.as_mut() {
            cache.changed(&sources[i].rel);
        }
        results.push((i, outcome, stamp));
    }
    results.sort_by_key(|(i, _, _)| *i);

    let mut files = Vec::with_capacity(results.len());
    let mut skipped = walked.skipped;
    let mut stamps: Vec<(usize, Stamp, bool)> = Vec::new();
    for (_, outcome, stamp) in results {
        match outcome {
            Outcome::Parsed(facts) => {
                if let Some(stamp) = stamp {
                    stamps.push((files.len(), stamp, true));
                }
                files.push(*facts);
            }
            Outcome::Skipped(s) => {
                if let Some(stamp) = stamp {
                    stamps.push((skipped.len(), stamp, false));
                }
                skipped.push(s);
            }
        }
    }
    if let Some(cache) = cache {
        let current = stamps.iter().map(|&(index, stamp, parsed)| {
            if parsed {
                (
                    files[index].path.as_str(),
                    stamp,
                    CachedRef::Facts(&files[index]),
                )
            } else {
                (
                    skipped[index].path.as_str(),
                    stamp,
                    CachedRef::Skipped(&skipped[index]),
                )
            }
        });
        if let Err(e) = cache.save(current) {
            info.cache_problem = Some(format!("cannot write the fact cache: {e}"));
        }
    }
    skipped.sort();

    times.parse = lap();
    let all_files: Vec<String> = walked.files.iter().map(|f| f.rel.clone()).collect();
    let (project, fact_warnings) = facts::collect(&root, &all_files);
    times.facts = lap();
    let resolver = Resolver::new(&root, &files, &all_files);
    let graph = graph::build(&files, &resolver);
    times.graph = lap();

    let mut warnings: Vec<Warning> = fact_warnings
        .into_iter()
        .map(|w| Warning {
            path: w.path,
            message: w.message,
        })
        .collect();
    for file in files.iter().filter(|f| f.syntax_errors > 0) {
        warnings.push(Warning {
            path: file.path.clone(),
            message: format!(
                "{} syntax error(s); facts were extracted from the recovered syntax tree",
                file.syntax_errors
            ),
        });
    }
    warnings.sort();

    let summary = Summary {
        files: files.len(),
        other_files: walked.files.len() - sources.len(),
        skipped: skipped.len(),
        bytes: files.iter().map(|f| f.lines.bytes).sum(),
        lines: files.iter().map(|f| f.lines.lines).sum(),
        code: files.iter().map(|f| f.lines.code).sum(),
        files_with_syntax_errors: files.iter().filter(|f| f.syntax_errors > 0).count(),
    };
    let mut counts = BTreeMap::new();
    for s in &skipped {
        *counts.entry(s.reason.as_str().to_string()).or_insert(0) += 1;
    }

    let mut analysis = Analysis {
        schema_version: SCHEMA_VERSION.to_string(),
        tool: Tool {
            name: "arch".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        root: root_name(&root),
        summary,
        languages: language_stats(&files),
        skipped: SkippedReport {
            counts,
            entries: skipped,
        },
        warnings,
        modules: graph.modules,
        edges: graph.edges,
        cycles: graph.cycles,
        metrics: graph.metrics,
        project,
        findings: Vec::new(),
        decisions: Vec::new(),
        files,
    };
    if !options.skip_detection {
        let detection = detect::detect(&analysis);
        analysis.findings = detection.findings;
        analysis.decisions = detection.decisions;
    }
    times.detect = lap();
    info.times = times;
    Ok((analysis, info))
}

impl From<Cached> for Outcome {
    fn from(cached: Cached) -> Self {
        match cached {
            Cached::Facts(facts) => Outcome::Parsed(facts),
            Cached::Skipped(skipped) => Outcome::Skipped(skipped),
        }
    }
}

/// Reads, hashes and parses one file; a file whose content hash is unchanged (touched, not
/// edited) takes its outcome from the cache. Returns the stamp to cache under (none for a
/// transient failure) and whether it was a cache hit.
fn parse_cached(
    file: &walk::WalkedFile,
    cache: Option<&FactCache>,
    include_vendored: bool,
) -> (Outcome, Option<Stamp>, bool) {
    let bytes = match std::fs::read(&file.path) {
        Ok(bytes) => bytes,
        Err(e) => return (unreadable(file, e), None, false),
    };
    let stamp = Stamp {
        size: file.size,
        modified_ns: file.modified_ns,
        hash: crate::cache::hash(&bytes),
    };
    if let Some(cached) = cache
        .and_then(|c| c.by_hash(&file.rel, stamp.hash))
        .filter(|cached| cached.applies(include_vendored))
    {
        return (Outcome::from(cached.clone()), Some(stamp), true);
    }
    let class = walk::classify_content(&bytes);
    let copied_library = class == Some(SkipReason::Vendored);
    let outcome = parse_one(
        file,
        &bytes,
        class.filter(|_| !(include_vendored && copied_library)),
    );
    // An unreadable file may be readable next time, and a copied library parsed only because
    // vendored code is included this time must stay skipped in the next plain run: never
    // remember either.
    let unreadable = matches!(&outcome, Outcome::Skipped(s) if s.reason == SkipReason::Unreadable);
    let keep = !(unreadable || include_vendored && copied_library);
    (outcome, keep.then_some(stamp), false)
}

fn unreadable(file: &walk::WalkedFile, e: std::io::Error) -> Outcome {
    Outcome::Skipped(Skipped {
        path: file.rel.clone(),
        reason: SkipReason::Unreadable,
        directory: false,
        detail: Some(e.to_string()),
    })
}

/// Parses one source file unless its content was classified as binary, generated, minified
/// or a copied library (`walk::classify_content`).
fn parse_one(file: &walk::WalkedFile, bytes: &[u8], class: Option<SkipReason>) -> Outcome {
    let skip = |reason, detail: Option<String>| {
        Outcome::Skipped(Skipped {
            path: file.rel.clone(),
            reason,
            directory: false,
            detail,
        })
    };
    let Some(spec) = file.language else {
        return skip(
            SkipReason::ParseFailed,
            Some("no grammar for this file".into()),
        );
    };
    if let Some(reason) = class {
        return skip(reason, None);
    }
    match parse::parse_file(spec, &file.rel, bytes) {
        Ok(facts) => Outcome::Parsed(Box::new(facts)),
        Err(e) => skip(SkipReason::ParseFailed, Some(e.to_string())),
    }
}

fn language_stats(files: &[FileFacts]) -> Vec<LanguageStats> {
    let mut by_name: BTreeMap<&str, LanguageStats> = BTreeMap::new();
    for file in files {
        let stats = by_name
            .entry(file.language.as_str())
            .or_insert_with(|| LanguageStats {
                name: file.language.clone(),
                files: 0,
                lines: 0,
                code: 0,
                comments: 0,
                blanks: 0,
                bytes: 0,
            });
        stats.files += 1;
        stats.lines += file.lines.lines;
        stats.code += file.lines.code;
        stats.comments += file.lines.comments;
        stats.blanks += file.lines.blanks;
        stats.bytes += file.lines.bytes;
    }
    let mut stats: Vec<LanguageStats> = by_name.into_values().collect();
    stats.sort_by(|a, b| b.code.cmp(&a.code).then(a.name.cmp(&b.name)));
    stats
}

fn root_name(root: &Path) -> String {
    std::fs::canonicalize(root)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| ".".to_string())
}

/// The JSON Schema of [`Analysis`], as committed in `docs/schema/analysis.schema.json`.
pub fn json_schema() -> serde_json::Value {
    // The schema describes what `arch` writes, so optional fields are those it may omit.
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Analysis>();
    serde_json::to_value(schema).unwrap_or(serde_json::Value::Null)
}
