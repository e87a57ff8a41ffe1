//! `arch analyze --check`: every rule type on seeded violations, presets, exit codes,
//! baselines, CI formats (SARIF validated against the official schema), `--changed-since`,
//! and the fact cache's invalidation.

use std::path::{Path, PathBuf};
use std::process::Output;

use predicates::prelude::*;

use crate::common::{arch, config_home, fixture, repo_root};

fn check_fixture(name: &str) -> PathBuf {
    fixture("check").join(name)
}

/// A writable copy of a fixture.
fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&check_fixture(name), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn run(home: &Path, path: &Path, args: &[&str]) -> Output {
    arch(home)
        .arg("analyze")
        .arg(path)
        .args(args)
        .output()
        .expect("arch runs")
}

fn report(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("a JSON check report")
}

fn rules_of(report: &serde_json::Value) -> Vec<String> {
    report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v["rule"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_rule_type_reports_its_seeded_violation_with_the_import_site() {
    let home = config_home();
    let out = run(
        home.path(),
        &check_fixture("shop"),
        &["--check", "--format", "json"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = report(&out);
    let mut rules = rules_of(&report);
    rules.sort();
    assert_eq!(
        rules,
        vec![
            "allowed/pure-domain",
            "forbidden/web-not-db",
            "layers",
            "no-cycles",
            "required/style:hexagonal"
        ]
    );
    let forbidden = report["violations"]
        .as_array()
        .expect("list")
        .iter()
        .find(|v| v["rule"] == "forbidden/web-not-db")
        .expect("forbidden violation");
    assert_eq!(forbidden["from"], "shop/web");
    assert_eq!(forbidden["to"], "shop/db");
    assert_eq!(forbidden["file"], "shop/web/views.py");
    assert_eq!(forbidden["line"], 2);
    assert_eq!(forbidden["import"], "shop.db.session");
    insta::assert_snapshot!(
        "check_text_shop",
        String::from_utf8_lossy(&run(home.path(), &check_fixture("shop"), &["--check"]).stdout)
    );
}

#[test]
fn presets_expand_into_rules_for_the_repository_modules() {
    let home = config_home();
    for (preset, expected) in [
        ("preset-hexagonal", "forbidden/preset-hexagonal"),
        ("preset-clean", "allowed/preset-clean"),
        ("preset-mvc", "forbidden/preset-mvc"),
        ("preset-layered", "layers"),
    ] {
        let out = run(
            home.path(),
            &check_fixture(preset),
            &["--check", "--format", "json"],
        );
        assert_eq!(out.status.code(), Some(1), "{preset}");
        assert!(
            rules_of(&report(&out)).contains(&expected.to_string()),
            "{preset}"
        );
    }
}

#[test]
fn exit_codes_follow_the_documented_table() {
    let home = config_home();
    // 0: rules hold.
    arch(home.path())
        .arg("analyze")
        .arg(check_fixture("tidy"))
        .arg("--check")
        .assert()
        .code(0);
    // 1: violations.
    arch(home.path())
        .arg("analyze")
        .arg(check_fixture("shop"))
        .arg("--check")
        .assert()
        .code(1);
    // 2: no rules, bad rules, bad baseline, bad revision.
    let empty = tempfile::tempdir().expect("tempdir");
    arch(home.path())
        .arg("analyze")
        .arg(empty.path())
        .arg("--check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rules to check"));
    std::fs::write(empty.path().join("arch.yaml"), "rules:\n  layerz: []\n").expect("write");
    arch(home.path())
        .arg("analyze")
        .arg(empty.path())
        .arg("--check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("layerz").and(predicate::str::contains("line 2")));
    std::fs::write(empty.path().join("bad-baseline.json"), "[1, 2").expect("write");
    arch(home.path())
        .arg("analyze")
        .arg(check_fixture("shop"))
        .arg("--check")
        .arg("--baseline")
        .arg(empty.path().join("bad-baseline.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an arch baseline"));
    // 3: the run cannot complete (here: the report cannot be written).
    arch(home.path())
        .arg("analyze")
        .arg(check_fixture("tidy"))
        .args(["-o", "/nonexistent-dir/report.json"])
        .assert()
        .code(3);
}

#[test]
fn baselines_round_trip_and_survive_line_moves() {
    let home = config_home();
    let repo = copy_of("shop");
    let baseline = repo.path().join("arch-baseline.json");
    let out = run(
        home.path(),
        repo.path(),
        &[
            "--check",
            "--baseline-write",
            baseline.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let with_baseline = [
        "--check",
        "--format",
        "json",
        "--baseline",
        baseline.to_str().expect("utf-8"),
    ];
    let out = run(home.path(), repo.path(), &with_baseline);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(report(&out)["summary"]["baselined"], 5);

    // Lines move: still nothing new.
    let views = repo.path().join("shop/web/views.py");
    let text = std::fs::read_to_string(&views).expect("read");
    std::fs::write(&views, format!("\n\n# moved down\n{text}")).expect("write");
    let out = run(home.path(), repo.path(), &with_baseline);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // A new violation is reported alone.
    std::fs::write(
        repo.path().join("shop/web/admin.py"),
        "from shop.db.session import Session\n",
    )
    .expect("write");
    let out = run(home.path(), repo.path(), &with_baseline);
    assert_eq!(out.status.code(), Some(1));
    let report = report(&out);
    assert_eq!(report["summary"]["violations"], 1);
    assert_eq!(report["violations"][0]["file"], "shop/web/admin.py");
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema_path = repo_root().join("../shared/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&schema_path).unwrap_or_else(|e| {
        panic!(
            "the official SARIF schema is read from {}: {e}",
            schema_path.display()
        )
    });
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let home = config_home();
    for name in ["shop", "tidy"] {
        let out = run(home.path(), &check_fixture(name), &["--format", "sarif"]);
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{name}: {}", errors.join("\n"));
        let results = sarif["runs"][0]["results"]
            .as_array()
            .expect("results")
            .len();
        assert_eq!(results, if name == "shop" { 5 } else { 0 });
    }
}

#[test]
fn ci_formats_carry_every_violation() {
    let home = config_home();
    let junit =
        String::from_utf8(run(home.path(), &check_fixture("shop"), &["--format", "junit"]).stdout)
            .expect("utf-8");
    assert!(junit.starts_with("<?xml"));
    assert!(junit.contains("tests=\"5\" failures=\"5\""), "{junit}");
    assert!(junit.contains("<testcase classname=\"arch.rules\" name=\"forbidden/web-not-db\">"));
    let github =
        String::from_utf8(run(home.path(), &check_fixture("shop"), &["--format", "github"]).stdout)
            .expect("utf-8");
    assert!(
        github.contains("::error file=shop/web/views.py,line=2,title=arch forbidden/web-not-db::"),
        "{github}"
    );
    let markdown = String::from_utf8(
        run(
            home.path(),
            &check_fixture("shop"),
            &["--check", "--format", "markdown"],
        )
        .stdout,
    )
    .expect("utf-8");
    insta::assert_snapshot!("check_markdown_shop", markdown);
}

#[test]
fn check_reports_validate_against_the_committed_schema() {
    let text = std::fs::read_to_string(repo_root().join("docs/schema/check.schema.json"))
        .expect("committed");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    let home = config_home();
    for name in ["shop", "tidy", "preset-clean"] {
        let out = run(
            home.path(),
            &check_fixture(name),
            &["--check", "--format", "json"],
        );
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert!(validator.is_valid(&value), "{name}");
    }
}

fn git(repo: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "-c",
            "user.email=t@example.com",
            "-c",
            "user.name=t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_since_limits_violations_to_touched_modules() {
    let home = config_home();
    let repo = copy_of("shop");
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "seed"]);
    let out = run(
        home.path(),
        repo.path(),
        &["--check", "--format", "json", "--changed-since", "HEAD"],
    );
    // Nothing touched: only the repository-wide rule (a required finding) remains.
    assert_eq!(rules_of(&report(&out)), vec!["required/style:hexagonal"]);
    let views = repo.path().join("shop/web/views.py");
    let text = std::fs::read_to_string(&views).expect("read");
    std::fs::write(&views, format!("{text}\n# touched\n")).expect("write");
    let out = run(
        home.path(),
        repo.path(),
        &["--check", "--format", "json", "--changed-since", "HEAD"],
    );
    let mut rules = rules_of(&report(&out));
    rules.sort();
    assert_eq!(
        rules,
        vec!["forbidden/web-not-db", "required/style:hexagonal"]
    );
    arch(home.path())
        .arg("analyze")
        .arg(repo.path())
        .args(["--check", "--changed-since", "no-such-rev"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-rev"));
}

/// `-v` prints `N parsed, M from the cache` on stderr.
fn cache_counts(output: &Output) -> (usize, usize) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("timing:"))
        .expect("timing line");
    let numbers: Vec<usize> = line
        .rsplit(';')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

fn facts_json(home: &Path, repo: &Path, extra: &[&str]) -> (serde_json::Value, Output) {
    let out = arch(home)
        .arg("-v")
        .arg("analyze")
        .arg(repo)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let mut value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    value["root"] = serde_json::Value::Null;
    (value, out)
}

#[test]
fn the_fact_cache_follows_edits_renames_deletions_and_survives_corruption() {
    let home = config_home();
    let repo = copy_of("shop");
    let (first, out) = facts_json(home.path(), repo.path(), &[]);
    assert_eq!(cache_counts(&out), (9, 0));
    let (second, out) = facts_json(home.path(), repo.path(), &[]);
    assert_eq!(cache_counts(&out), (0, 9));
    assert_eq!(
        first, second,
        "a cached run reports exactly what a fresh run does"
    );

    // Edit: the file is parsed again and its new import shows.
    std::fs::write(
        repo.path().join("shop/db/session.py"),
        "import json\n\nclass Session:\n    pass\n",
    )
    .expect("edit");
    let (edited, out) = facts_json(home.path(), repo.path(), &[]);
    assert_eq!(cache_counts(&out), (1, 8));
    let (fresh, _) = facts_json(home.path(), repo.path(), &["--no-cache"]);
    assert_eq!(edited, fresh);

    // Rename and delete.
    std::fs::rename(
        repo.path().join("shop/web/views.py"),
        repo.path().join("shop/web/pages.py"),
    )
    .expect("rename");
    std::fs::remove_file(repo.path().join("shop/domain/order.py")).expect("delete");
    let (moved, out) = facts_json(home.path(), repo.path(), &[]);
    assert_eq!(cache_counts(&out), (1, 7));
    let paths: Vec<&str> = moved["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(
        paths.contains(&"shop/web/pages.py")
            && !paths.contains(&"shop/web/views.py")
            && !paths.contains(&"shop/domain/order.py")
    );
    let (fresh, _) = facts_json(home.path(), repo.path(), &["--no-cache"]);
    assert_eq!(moved, fresh);

    // Corrupt every shard: reported, ignored, rebuilt, and the result is unchanged.
    for shard in walkdir::WalkDir::new(home.path().join("cache/arch"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
    {
        std::fs::write(shard.path(), b"\x00garbage").expect("corrupt");
    }
    let (recovered, out) = facts_json(home.path(), repo.path(), &[]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unreadable"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(recovered, fresh);
    let (_, out) = facts_json(home.path(), repo.path(), &[]);
    assert_eq!(cache_counts(&out), (0, 8));
}

#[test]
fn a_copied_library_is_parsed_only_in_runs_that_include_vendored_code() {
    let home = config_home();
    let repo = copy_of("shop");
    std::fs::create_dir_all(repo.path().join("shop/static")).expect("mkdir");
    std::fs::write(
        repo.path().join("shop/static/tinybus.js"),
        "/*! tinybus v2.1.0 | MIT */\nexport class EventBus {}\n",
    )
    .expect("write");
    let parsed_bus = |report: &serde_json::Value| {
        report["files"]
            .as_array()
            .expect("files")
            .iter()
            .any(|f| f["path"] == "shop/static/tinybus.js")
    };
    // Plain, included, plain again: what one run parsed never leaks into the next from the cache.
    for (extra, expected) in [
        (&[][..], false),
        (&["--include-vendored"][..], true),
        (&[][..], false),
    ] {
        let (report, _) = facts_json(home.path(), repo.path(), extra);
        assert_eq!(parsed_bus(&report), expected, "{extra:?}");
    }
}

#[test]
fn concurrent_runs_share_one_cache_safely() {
    let home = config_home();
    let repo = copy_of("shop");
    let spawn = || {
        arch(home.path())
            .arg("analyze")
            .arg(repo.path())
            .args(["--format", "json"])
            .output()
    };
    let outputs: Vec<Output> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4).map(|_| scope.spawn(spawn)).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread").expect("arch runs"))
            .collect()
    });
    let reports: Vec<serde_json::Value> = outputs
        .iter()
        .map(|o| {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            assert!(!String::from_utf8_lossy(&o.stderr).contains("unreadable"));
            serde_json::from_slice(&o.stdout).expect("JSON")
        })
        .collect();
    assert!(
        reports.windows(2).all(|w| w[0] == w[1]),
        "every concurrent run reports the same"
    );
    let (after, out) = facts_json(home.path(), repo.path(), &[]);
    assert_eq!(
        cache_counts(&out),
        (0, 9),
        "the cache left behind is complete"
    );
    let mut expected = reports[0].clone();
    expected["root"] = serde_json::Value::Null;
    assert_eq!(after, expected);
}
