//! Reports users read, snapshotted per fixture: text, Markdown, JSON (schema-validated),
//! DOT and Mermaid.

use crate::common::{analyze_json, arch, config_home, fixture};

/// Every fixture repository (fixtures/parse holds single-file samples, not a repository).
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(crate::common::repo_root().join("fixtures"))
        .expect("fixtures/")
        .filter_map(|e| e.ok())
        // `detect/` and `check/` are folders of fixtures with their own tests.
        .filter(|e| e.path().is_dir() && e.file_name() != "detect" && e.file_name() != "check")
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn render(name: &str, format: &str) -> String {
    let home = config_home();
    let out = arch(home.path())
        .arg("analyze")
        .arg(fixture(name))
        .args(["--format", format])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 report")
}

#[test]
fn every_fixture_report_is_valid_and_snapshotted() {
    for name in fixtures() {
        let report = analyze_json(&fixture(&name), &[]);
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!("json", report);
            insta::assert_snapshot!("text", render(&name, "text"));
            insta::assert_snapshot!("markdown", render(&name, "markdown"));
        });
    }
}

#[test]
fn graph_formats_are_snapshotted() {
    for name in ["rust-axum", "java-spring"] {
        insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("dot", render(name, "dot"));
            insta::assert_snapshot!("mermaid", render(name, "mermaid"));
        });
    }
}

#[test]
fn reports_are_deterministic() {
    let first = render("parse", "json");
    let second = render("parse", "json");
    assert_eq!(first, second);
}
