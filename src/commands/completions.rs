//! `arch completions <shell>`: prints the completion script clap generates.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::commands::Outcome;

/// Writes the script for `shell` into `out`.
pub fn generate(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "arch", out);
}

/// Runs `arch completions`.
pub fn run(args: CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    generate(args.shell, &mut stdout);
    Ok(Outcome::Success)
}
