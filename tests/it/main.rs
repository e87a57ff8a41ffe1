//! The one integration-test binary: CLI behaviour, extraction per language, the walk's
//! nasty cases, report snapshots, the JSON schema and golden generated files.

mod check;
mod cli;
mod common;
mod detect;
mod embed;
mod feedback;
mod golden;
mod learn;
mod parse;
mod reports;
mod walk;
