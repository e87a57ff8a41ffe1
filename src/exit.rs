//! The one exit-code policy of the binary.
//!
//! | code | meaning |
//! |---:|---|
//! | 0 | success; with `--check`, no violations (or only baselined ones) |
//! | 1 | `--check` found violations |
//! | 2 | usage or configuration error (bad flag, bad config or rules file, bad baseline, missing path, bad git revision) |
//! | 3 | analysis error (the run could not complete) |
//!
//! clap itself exits with 2 on a malformed command line. A closed stdout (`arch analyze |
//! head`) ends the run quietly with 0.

use std::process::ExitCode;

use crate::commands::Outcome;

/// `--check` found violations.
pub const VIOLATIONS: u8 = 1;
/// Usage or configuration error.
pub const USAGE: u8 = 2;
/// Analysis error.
pub const ANALYSIS: u8 = 3;

/// The exit code of a finished command.
pub fn code_for(outcome: Outcome) -> ExitCode {
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::Violations => ExitCode::from(VIOLATIONS),
    }
}

/// Prints `err` with its causes and a hint on stderr, and picks the exit code.
pub fn report(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: {err}");
    for cause in err.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    let usage = err
        .downcast_ref::<crate::Error>()
        .is_some_and(crate::Error::is_usage)
        || err
            .downcast_ref::<crate::settings::SettingsError>()
            .is_some();
    if let Some(hint) = hint(err) {
        eprintln!("  hint: {hint}");
    }
    ExitCode::from(if usage { USAGE } else { ANALYSIS })
}

fn hint(err: &anyhow::Error) -> Option<&'static str> {
    use crate::settings::SettingsError;
    use crate::walk::WalkError;
    let settings =
        err.downcast_ref::<SettingsError>()
            .or_else(|| match err.downcast_ref::<crate::Error>() {
                Some(crate::Error::Settings(s)) => Some(s),
                _ => None,
            });
    if let Some(s) = settings {
        return Some(match s {
            SettingsError::Read { .. } => {
                "check the --config path, or drop the flag to use the default location"
            }
            SettingsError::Parse { .. } => {
                "fix the key or value at that line; `arch config show` prints every valid key"
            }
            SettingsError::Env { .. } => "correct or unset the variable",
        });
    }
    match err.downcast_ref::<crate::Error>() {
        Some(crate::Error::NoRules { .. }) => {
            Some("add a `rules:` section to arch.yaml (see docs/ci.md), or pass --rules FILE")
        }
        Some(crate::Error::Rules(_)) => {
            Some("fix the rule at that line; docs/ci.md lists every rule and key")
        }
        Some(crate::Error::Baseline(_)) => Some("regenerate it with --baseline-write FILE"),
        Some(crate::Error::Git { .. }) => {
            Some("pass a revision git knows here (fetch it first in shallow CI clones)")
        }
        Some(crate::Error::Walk(WalkError::Root { .. })) => {
            Some("pass an existing directory or file")
        }
        Some(crate::Error::Walk(WalkError::Glob { .. })) => {
            Some("fix the pattern in analyze.exclude / --exclude")
        }
        _ => None,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
