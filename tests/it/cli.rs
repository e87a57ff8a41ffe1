//! The command line: help, exit codes, settings precedence as users see it.

use predicates::prelude::*;

use crate::common::{arch, config_home, fixture};

#[test]
fn help_lists_only_working_subcommands() {
    let home = config_home();
    let out = arch(home.path()).arg("--help").output().expect("runs");
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn analyze_help_is_stable() {
    let home = config_home();
    let out = arch(home.path())
        .args(["analyze", "--help"])
        .output()
        .expect("runs");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn missing_path_is_a_usage_error_with_a_hint() {
    let home = config_home();
    arch(home.path())
        .args(["analyze", "/definitely/not/here"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("/definitely/not/here"))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let home = config_home();
    arch(home.path())
        .args(["analyze", "--frobnicate"])
        .assert()
        .code(2);
}

#[test]
fn bad_repository_config_names_the_file_and_line() {
    let home = config_home();
    let repo = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        repo.path().join("arch.yaml"),
        "analyze:\n  max_file_sise: 10\n",
    )
    .expect("write");
    arch(home.path())
        .arg("analyze")
        .arg(repo.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("arch.yaml"))
        .stderr(predicate::str::contains("max_file_sise"))
        .stderr(predicate::str::contains("line 2"));
}

#[test]
fn bad_environment_value_is_a_usage_error() {
    let home = config_home();
    arch(home.path())
        .env("ARCH_OUTPUT_FORMAT", "yaml")
        .args(["analyze", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ARCH_OUTPUT_FORMAT"));
}

#[test]
fn config_show_says_where_each_value_came_from() {
    let home = config_home();
    std::fs::create_dir_all(home.path().join("arch")).expect("mkdir");
    std::fs::write(
        home.path().join("arch/config.yaml"),
        "analyze:\n  threads: 2\n",
    )
    .expect("write");
    let repo = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        repo.path().join("arch.yaml"),
        "analyze:\n  max_file_size: 5000\n",
    )
    .expect("write");
    let out = arch(home.path())
        .env("ARCH_ANALYZE_EXCLUDE", "docs/**")
        .args(["config", "show", "--format", "json"])
        .arg(repo.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let row = |key: &str| {
        rows.iter()
            .find(|r| r["key"] == key)
            .cloned()
            .expect("row exists")
    };
    assert_eq!(row("analyze.threads")["value"], "2");
    assert!(row("analyze.threads")["source"]
        .as_str()
        .unwrap_or_default()
        .starts_with("user config"));
    assert_eq!(row("analyze.max_file_size")["value"], "5000");
    assert!(row("analyze.max_file_size")["source"]
        .as_str()
        .unwrap_or_default()
        .starts_with("repository config"));
    assert_eq!(
        row("analyze.exclude")["source"],
        "environment ARCH_ANALYZE_EXCLUDE"
    );
    assert_eq!(row("output.format")["source"], "flag --format");
    assert_eq!(row("output.progress")["source"], "default");
}

#[test]
fn explicit_config_file_must_exist() {
    let home = config_home();
    arch(home.path())
        .args(["--config", "/nope/config.yaml", "config", "show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nope/config.yaml"));
}

#[test]
fn stdout_carries_only_the_report_and_output_file_works() {
    let home = config_home();
    let out_dir = tempfile::tempdir().expect("tempdir");
    let target = out_dir.path().join("report.json");
    arch(home.path())
        .arg("analyze")
        .arg(fixture("parse"))
        .args(["--format", "json", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("written")).expect("json");
    crate::common::assert_valid(&report);
}

#[test]
fn color_is_off_when_piped_and_on_when_forced() {
    let home = config_home();
    let plain = arch(home.path())
        .arg("analyze")
        .arg(fixture("parse"))
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'));
    let forced = arch(home.path())
        .args(["--color", "always", "analyze"])
        .arg(fixture("parse"))
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'));
}

#[test]
fn models_list_shows_every_pinned_model_and_fetch_rejects_unknown_names() {
    let home = config_home();
    let models = tempfile::tempdir().expect("tempdir");
    let out = arch(home.path())
        .args(["models", "list", "--format", "json", "--models-dir"])
        .arg(models.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = list.iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(
        names,
        vec![
            "all-minilm-l6-v2",
            "qwen2.5-coder-0.5b-instruct-q4_k_m",
            "smollm2-135m-instruct-q4_1"
        ]
    );
    assert!(list.iter().all(|m| m["status"] == "missing"));
    arch(home.path())
        .args(["models", "fetch", "no-such-model", "--models-dir"])
        .arg(models.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("known models"));
}

#[test]
fn models_fetch_from_a_copy_refuses_a_wrong_sha256() {
    let home = config_home();
    let models = tempfile::tempdir().expect("tempdir");
    let fake = models.path().join("fake.gguf");
    std::fs::write(&fake, b"not the model").expect("write");
    arch(home.path())
        .args(["models", "fetch", "smollm2-135m-instruct-q4_1", "--from"])
        .arg(&fake)
        .arg("--models-dir")
        .arg(models.path())
        .assert()
        .code(3)
        .stderr(predicate::str::contains("does not match the manifest"));
    assert!(!models
        .path()
        .join("smollm2-135m-instruct-q4_1/SmolLM2-135M-Instruct.Q4_1.gguf")
        .exists());
}
