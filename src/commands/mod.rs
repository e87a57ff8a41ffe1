//! One module per subcommand; each reads top-down as its pipeline.

pub mod analyze;
pub mod completions;
pub mod config;
pub mod feedback;
pub mod learn;
pub mod models;

use std::io::IsTerminal;
use std::path::Path;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::settings::{ColorChoice, Layer, Settings};

/// What a command reports back to `main`, which turns it into an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done.
    Success,
    /// `--check` found violations.
    Violations,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Analyze(args) => analyze::run(&cli.global, *args),
        Command::Config(cmd) => config::run(&cli.global, cmd),
        Command::Models(cmd) => models::run(&cli.global, cmd),
        Command::Learn(args) => learn::run(&cli.global, args),
        Command::Db(cmd) => learn::db(&cli.global, cmd),
        Command::Kb(cmd) => learn::kb(&cli.global, cmd),
        Command::Feedback(args) => feedback::run(&cli.global, *args),
        Command::Completions(args) => completions::run(args),
    }
}

/// Resolves settings for a repository with the global flags and `extra` command flags on top.
pub fn resolve_settings(
    global: &GlobalArgs,
    repo: Option<&Path>,
    mut flags: Layer,
) -> crate::Result<Settings> {
    flags.output.format = flags.output.format.or(global.format);
    flags.output.color = flags.output.color.or(global.color);
    if global.no_progress {
        flags.output.progress = Some(false);
    }
    Ok(Settings::resolve(
        global.config.as_deref(),
        repo,
        |var| std::env::var(var).ok(),
        flags,
        flag_name,
    )?)
}

/// The command-line flag that sets `key`.
fn flag_name(key: &str) -> String {
    match key {
        "output.format" => "--format",
        "output.color" => "--color",
        "output.progress" => "--no-progress",
        "analyze.max_file_size" => "--max-file-size",
        "analyze.exclude" => "--exclude",
        "analyze.include_vendored" => "--include-vendored",
        "analyze.follow_symlinks" => "--follow-symlinks",
        "analyze.threads" => "--threads",
        "analyze.cache" => "--no-cache",
        "analyze.cache_dir" => "--cache-dir",
        other => other,
    }
    .to_string()
}

/// The analysis options the settings describe.
pub fn analyze_options(
    settings: &Settings,
    skip_detection: bool,
) -> crate::analysis::AnalyzeOptions {
    crate::analysis::AnalyzeOptions {
        walk: crate::walk::WalkOptions {
            max_file_size: settings.max_file_size.value,
            exclude: settings.exclude.value.clone(),
            include_vendored: settings.include_vendored.value,
            follow_symlinks: settings.follow_symlinks.value,
        },
        threads: settings.threads.value,
        cache_dir: if settings.cache.value {
            settings
                .cache_dir
                .value
                .clone()
                .or_else(crate::cache::default_dir)
        } else {
            None
        },
        skip_detection,
    }
}

/// Whether to colour stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal(),
    }
}
