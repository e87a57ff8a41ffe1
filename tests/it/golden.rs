//! Generated files that are committed: shell completions and the JSON schema. A test fails
//! when a committed copy is stale; `ARCH_BLESS=1 cargo test` rewrites them.

use clap_complete::Shell;

use crate::common::repo_root;

fn check(path: &std::path::Path, generated: &str) {
    if std::env::var_os("ARCH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, generated).expect("bless");
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run `ARCH_BLESS=1 cargo test golden` and commit the result",
        path.display()
    );
}

#[test]
fn completions_are_current() {
    for (shell, file) in [
        (Shell::Bash, "arch.bash"),
        (Shell::Zsh, "_arch"),
        (Shell::Fish, "arch.fish"),
        (Shell::PowerShell, "_arch.ps1"),
        (Shell::Elvish, "arch.elv"),
    ] {
        let mut out = Vec::new();
        arch::commands::completions::generate(shell, &mut out);
        let text = String::from_utf8(out).expect("utf-8");
        check(&repo_root().join("completions").join(file), &text);
    }
}

#[test]
fn completions_subcommand_prints_the_same_script() {
    let home = crate::common::config_home();
    let out = crate::common::arch(home.path())
        .args(["completions", "bash"])
        .output()
        .expect("runs");
    let mut expected = Vec::new();
    arch::commands::completions::generate(Shell::Bash, &mut expected);
    assert_eq!(out.stdout, expected);
}

#[test]
fn check_schema_is_current() {
    let mut text =
        serde_json::to_string_pretty(&arch::rules::check_schema()).expect("schema serialises");
    text.push('\n');
    check(&repo_root().join("docs/schema/check.schema.json"), &text);
}

#[test]
fn json_schema_is_current() {
    let mut text =
        serde_json::to_string_pretty(&arch::analysis::json_schema()).expect("schema serialises");
    text.push('\n');
    check(&repo_root().join("docs/schema/analysis.schema.json"), &text);
}
