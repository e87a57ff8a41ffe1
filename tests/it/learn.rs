//! `arch learn`, `arch db`, `arch kb` against a real SQLite file: migrations from empty,
//! added / unchanged / updated, generalised support counts, concurrent learns, and a learn
//! killed mid-write leaving the knowledge base consistent.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{arch, config_home, fixture};

/// The knowledge bases every store test runs against: a SQLite file in `home`, and a fresh
/// database on the PostgreSQL + pgvector server that `scripts/test.sh` starts
/// (`ARCH_TEST_POSTGRES`, see `scripts/postgres.sh`).
pub fn backends(home: &Path) -> Vec<String> {
    vec![
        home.join("kb.sqlite").display().to_string(),
        fresh_postgres(),
    ]
}

fn fresh_postgres() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let admin = std::env::var("ARCH_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!("ARCH_TEST_POSTGRES is not set: run `bash scripts/test.sh`, which starts PostgreSQL (scripts/postgres.sh)")
    });
    let name = format!(
        "arch_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    let mut client =
        postgres::Client::connect(&admin, postgres::NoTls).expect("the test PostgreSQL is up");
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create");
    match admin.rfind('/') {
        Some(i) => format!("{}/{name}", &admin[..i]),
        None => panic!("ARCH_TEST_POSTGRES must end with /database"),
    }
}

/// One number from either backend.
fn query_i64(location: &str, sql: &str) -> i64 {
    if location.starts_with("postgres") {
        let mut client = postgres::Client::connect(location, postgres::NoTls).expect("connect");
        client.query_one(sql, &[]).expect("query").get(0)
    } else {
        let conn = rusqlite::Connection::open(location).expect("open");
        conn.query_row(sql, [], |r| r.get(0)).expect("query")
    }
}

fn learn(home: &Path, db: &str, paths: &[&Path]) -> std::process::Output {
    let mut cmd = arch(home);
    cmd.arg("learn").args(paths).args(["--db", db]);
    cmd.output().expect("arch learn runs")
}

fn patterns(home: &Path, db: &str) -> Vec<serde_json::Value> {
    let out = arch(home)
        .args(["--format", "json", "kb", "patterns", "--db", db])
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
    for db in backends(home.path()) {
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
            "{db}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout)
                .matches(": added")
                .count(),
            4
        );
        let all = patterns(home.path(), &db);
        assert_eq!(support(&all, "communication", "rest-http"), 4, "{db}");
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
        assert_eq!(rest["projects"].as_array().map(Vec::len), Some(4));
        assert!(rest["contexts"]
            .as_array()
            .expect("contexts")
            .iter()
            .any(|c| c[0] == "language:go"));
        let status = arch(home.path())
            .args(["--format", "json", "db", "status", "--db", &db])
            .output()
            .expect("runs");
        let status: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
        assert_eq!(
            status["version"], status["latest"],
            "{db}: migrations replayed from empty"
        );
        assert_eq!(status["projects"], 4);
    }
}

#[test]
fn relearning_the_same_analysis_changes_nothing_and_an_edit_updates() {
    let home = config_home();
    for db in backends(home.path()) {
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
            String::from_utf8_lossy(&learn(home.path(), &db, &[repo.path()]).stdout)
                .contains("added")
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
                .contains("updated"),
            "{db}"
        );
    }
}

#[test]
fn concurrent_learns_into_one_knowledge_base_all_succeed() {
    let home = config_home();
    for db in backends(home.path()) {
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
                "{db}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let all = patterns(home.path(), &db);
        assert_eq!(
            support(&all, "communication", "rest-http"),
            names.len() as u64,
            "{db}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_learn_killed_mid_write_leaves_the_knowledge_base_consistent() {
    let home = config_home();
    for db in backends(home.path()) {
        assert!(learn(home.path(), &db, &[&fixture("java-spring")])
            .status
            .success());
        for delay_ms in [5u64, 20, 40, 80, 120] {
            let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("arch"))
                .env("XDG_CONFIG_HOME", home.path())
                .env("XDG_CACHE_HOME", home.path().join("cache"))
                .env("XDG_DATA_HOME", home.path().join("data"))
                .arg("learn")
                .arg(fixture("polyglot-monorepo"))
                .arg(fixture("ts-nest"))
                .args(["--db", &db])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn");
            std::thread::sleep(std::time::Duration::from_millis(delay_ms));
            let _ = child.kill();
            let _ = child.wait();
            if !db.starts_with("postgres") {
                let conn = rusqlite::Connection::open(&db).expect("open");
                let check: String = conn
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .expect("check");
                assert_eq!(check, "ok");
            }
            // Every stored project has exactly its findings; no orphan rows.
            let orphans = query_i64(
                &db,
                "SELECT COUNT(*) FROM finding WHERE project_id NOT IN (SELECT id FROM project)",
            );
            assert_eq!(orphans, 0, "{db} after a kill at {delay_ms} ms");
            let projects = query_i64(&db, "SELECT COUNT(*) FROM project");
            let with_findings = query_i64(&db, "SELECT COUNT(DISTINCT project_id) FROM finding");
            assert_eq!(
                projects, with_findings,
                "{db}: a project without its findings after a kill at {delay_ms} ms"
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
        .args(["db", "status", "--db", "mysql://kb.example/arch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("postgres://"));
    arch(home.path())
        .args([
            "db",
            "status",
            "--db",
            "postgres://nobody:secret@127.0.0.1:1/none",
        ])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("PostgreSQL").and(predicate::str::contains("secret").not()),
        );
}

#[test]
fn learning_with_the_encoder_stores_a_vector_per_text() {
    let home = config_home();
    let models = crate::embed::models_root();
    for db in backends(home.path()) {
        let out = arch(home.path())
            .env("ARCH_MODELS_DIR", &models)
            .args(["-v", "learn"])
            .arg(fixture("java-spring"))
            .args(["--db", &db])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("texts/s"));
        assert_eq!(
            query_i64(&db, "SELECT COUNT(*) FROM embedding WHERE dim = 384"),
            4,
            "{db}"
        );
        assert_eq!(
            query_i64(&db, "SELECT COUNT(DISTINCT owner) FROM embedding"),
            4
        );
    }
}

#[test]
fn kb_search_ranks_by_meaning_and_words_and_replay_is_reproducible() {
    let home = config_home();
    let models = crate::embed::models_root();
    for db in backends(home.path()) {
        let out = arch(home.path())
            .env("ARCH_MODELS_DIR", &models)
            .arg("learn")
            .args([
                fixture("java-spring"),
                fixture("ruby-rails"),
                fixture("rust-axum"),
                fixture("python-fastapi"),
            ])
            .args(["--db", &db])
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
                .args(["--format", "json", "kb", "search", query, "--db", &db])
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
        assert_eq!(rails[0]["project"], "ruby-rails", "{db}: {rails:?}");
        assert!(rails[0]["vector"][0].as_f64().unwrap_or(0.0) > 0.3);
        let python = search("python web API with an ORM");
        assert_eq!(python[0]["project"], "python-fastapi", "{db}: {python:?}");
        let stats = arch(home.path())
            .args(["--format", "json", "kb", "stats", "--db", &db])
            .output()
            .expect("runs");
        let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("json");
        assert_eq!(stats["projects"], 4);
        assert_eq!(stats["embeddings"], 16);
        let replay = |seed: &str| {
            arch(home.path())
                .args([
                    "--format", "json", "kb", "replay", "--sample", "3", "--seed", seed, "--db",
                    &db,
                ])
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
}
