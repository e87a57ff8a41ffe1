//! `arch learn`, `arch db`, `arch kb` against a real SQLite file: migrations from empty,
//! added / unchanged / updated, generalised support counts, concurrent learns, and a learn
//! killed mid-write leaving the knowledge base consistent.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{arch, config_home, fixture};

fn learn(home: &Path, db: &Path, paths: &[&Path]) -> std::process::Output {
    let mut cmd = arch(home);
    cmd.arg("learn").args(paths).arg("--db").arg(db);
    cmd.output().expect("arch learn runs")
}

fn patterns(home: &Path, db: &Path) -> Vec<serde_json::Value> {
    let out = arch(home)
        .args(["--format", "json", "kb", "patterns", "--db"])
        .arg(db)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn support(patterns: &[serde_json::Value], kind: &str, id: &str) -> u64 {
    patterns
        .iter()
        .find(|p| p["kind"] == kind && p["id"] == id)
        .and_then(|p| p["support"].as_u64())
        .unwrap_or(0)
}

#[test]
fn learning_fixtures_generalises_patterns_with_support_counts() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    let out = learn(
        home.path(),
        &db,
        &[
            &fixture("java-spring"),
            &fixture("go-gin"),
            &fixture("python-fastapi"),
            &fixture("rust-axum"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .matches(": added")
            .count(),
        4
    );
    let all = patterns(home.path(), &db);
    assert_eq!(support(&all, "communication", "rest-http"), 4);
    assert_eq!(
        support(&all, "data", "orm"),
        3,
        "rust-axum uses raw SQL, not an ORM"
    );
    assert_eq!(support(&all, "data", "raw-sql"), 1);
    let rest = all
        .iter()
        .find(|p| p["id"] == "rest-http")
        .expect("rest-http");
    let projects: Vec<&str> = rest["projects"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert_eq!(projects.len(), 4);
    assert!(rest["contexts"]
        .as_array()
        .expect("contexts")
        .iter()
        .any(|c| c[0] == "language:go"));

    let status = arch(home.path())
        .args(["--format", "json", "db", "status", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
    assert_eq!(status["version"], status["latest"]);
    assert_eq!(status["projects"], 4);
}

#[test]
fn relearning_the_same_analysis_changes_nothing_and_an_edit_updates() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    let repo = tempfile::tempdir().expect("tempdir");
    for entry in walkdir::WalkDir::new(fixture("go-gin")) {
        let entry = entry.expect("entry");
        let rel = entry
            .path()
            .strip_prefix(fixture("go-gin"))
            .expect("inside");
        let target = repo.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    assert!(
        String::from_utf8_lossy(&learn(home.path(), &db, &[repo.path()]).stdout).contains("added")
    );
    assert!(
        String::from_utf8_lossy(&learn(home.path(), &db, &[repo.path()]).stdout)
            .contains("unchanged")
    );
    std::fs::write(
        repo.path().join("internal/service/extra.go"),
        "package service\n\nfunc Extra() int { return 1 }\n",
    )
    .expect("edit");
    assert!(
        String::from_utf8_lossy(&learn(home.path(), &db, &[repo.path()]).stdout)
            .contains("updated")
    );
}

#[test]
fn concurrent_learns_into_one_knowledge_base_all_succeed() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    let names = [
        "java-spring",
        "go-gin",
        "python-fastapi",
        "rust-axum",
        "ts-nest",
        "php-laravel",
    ];
    let outputs: Vec<std::process::Output> = std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .map(|n| {
                let db = db.clone();
                let home = home.path().to_path_buf();
                scope.spawn(move || learn(&home, &db, &[&fixture(n)]))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for out in &outputs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let all = patterns(home.path(), &db);
    assert_eq!(
        support(&all, "communication", "rest-http"),
        names.len() as u64
    );
}

#[cfg(unix)]
#[test]
fn a_learn_killed_mid_write_leaves_the_knowledge_base_consistent() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    assert!(learn(home.path(), &db, &[&fixture("java-spring")])
        .status
        .success());
    for delay_ms in [5u64, 20, 40, 80, 120] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("arch"))
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .arg("learn")
            .arg(fixture("polyglot-monorepo"))
            .arg(fixture("ts-nest"))
            .arg("--db")
            .arg(&db)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let conn = rusqlite::Connection::open(&db).expect("open");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok");
        // Every stored project has exactly the findings of its stored analysis.
        let mut stmt = conn
            .prepare("SELECT id, analysis FROM project")
            .expect("prepare");
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        for (id, analysis) in rows {
            let expected = serde_json::from_str::<serde_json::Value>(&analysis).expect("json")
                ["findings"]
                .as_array()
                .map(Vec::len)
                .unwrap_or(0);
            let stored: i64 = conn
                .query_row(
                    "SELECT COUNT(*) FROM finding WHERE project_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .expect("count");
            assert_eq!(
                stored as usize, expected,
                "project {id} after a kill at {delay_ms} ms"
            );
        }
    }
}

#[test]
fn bad_inputs_are_usage_errors_that_say_what_to_do() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    let bad = home.path().join("analysis.json");
    std::fs::write(&bad, "{\"not\": \"an analysis\"}").expect("write");
    arch(home.path())
        .arg("learn")
        .arg("--from")
        .arg(&bad)
        .arg("--db")
        .arg(&db)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("arch analyze --format json"));
    arch(home.path())
        .args(["db", "status", "--db", "postgres://kb.example/arch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SQLite"));
}

#[test]
fn learning_with_the_encoder_stores_a_vector_per_text() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    let models = crate::embed::models_root();
    let out = arch(home.path())
        .env("ARCH_MODELS_DIR", &models)
        .args(["-v", "learn"])
        .arg(fixture("java-spring"))
        .arg("--db")
        .arg(&db)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("texts/s"));
    let conn = rusqlite::Connection::open(&db).expect("open");
    let rows: Vec<(String, i64, usize)> = conn
        .prepare("SELECT owner, dim, length(vector) FROM embedding ORDER BY owner")
        .expect("prepare")
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as usize))
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let owners: Vec<&str> = rows.iter().map(|(o, _, _)| o.as_str()).collect();
    assert_eq!(
        owners,
        vec![
            "project:decisions",
            "project:description",
            "project:findings",
            "project:structure"
        ]
    );
    assert!(rows
        .iter()
        .all(|(_, dim, bytes)| *dim == 384 && *bytes == 384 * 4));
}

#[test]
fn kb_search_ranks_by_meaning_and_words_and_replay_is_reproducible() {
    let home = config_home();
    let db = home.path().join("kb.sqlite");
    let models = crate::embed::models_root();
    let out = arch(home.path())
        .env("ARCH_MODELS_DIR", &models)
        .arg("learn")
        .args([
            fixture("java-spring"),
            fixture("ruby-rails"),
            fixture("rust-axum"),
            fixture("python-fastapi"),
        ])
        .arg("--db")
        .arg(&db)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let search = |query: &str| -> Vec<serde_json::Value> {
        let out = arch(home.path())
            .env("ARCH_MODELS_DIR", &models)
            .args(["--format", "json", "kb", "search", query, "--db"])
            .arg(&db)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let rails = search("a rails mvc application");
    assert_eq!(rails[0]["project"], "ruby-rails", "{rails:?}");
    assert!(rails[0]["vector"][0].as_f64().unwrap_or(0.0) > 0.3);
    let python = search("python web API with an ORM");
    assert_eq!(python[0]["project"], "python-fastapi", "{python:?}");

    let stats = arch(home.path())
        .args(["--format", "json", "kb", "stats", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("json");
    assert_eq!(stats["projects"], 4);
    assert_eq!(stats["embeddings"], 16);

    let replay = |seed: &str| {
        arch(home.path())
            .args([
                "--format", "json", "kb", "replay", "--sample", "3", "--seed", seed, "--db",
            ])
            .arg(&db)
            .output()
            .expect("runs")
            .stdout
    };
    let first: Vec<serde_json::Value> = serde_json::from_slice(&replay("7")).expect("json");
    assert_eq!(first.len(), 3);
    assert_eq!(
        replay("7"),
        replay("7"),
        "the same seed draws the same sample"
    );
}
