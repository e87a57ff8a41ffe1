//! The `arch` binary: parse arguments, run the library, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = arch::cli::Cli::parse();
    match arch::commands::run(cli) {
        Ok(outcome) => arch::exit::code_for(outcome),
        Err(err) => arch::exit::report(&err),
    }
}
