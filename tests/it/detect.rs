//! Detection on the fixtures in `fixtures/detect`: every `expected.yaml` holds (what must
//! and must not be reported), and the findings people read are snapshotted.

use std::collections::BTreeSet;

use crate::common::{analyze_json, repo_root};

#[derive(serde::Deserialize, Default)]
struct Expected {
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    /// The style reported first, when the fixture is about which style leads.
    #[serde(default)]
    top: Option<String>,
}

fn fixtures() -> Vec<String> {
    let dir = repo_root().join("fixtures/detect");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/detect exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("expected.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_detection_fixture_meets_its_expectations() {
    let names = fixtures();
    assert!(
        names.len() >= 38,
        "one fixture per taxonomy id at least, found {}",
        names.len()
    );
    let mut failures = Vec::new();
    for name in &names {
        let dir = repo_root().join("fixtures/detect").join(name);
        let expected: Expected = serde_yaml::from_str(
            &std::fs::read_to_string(dir.join("expected.yaml")).expect("readable"),
        )
        .expect("expected.yaml parses");
        let report = analyze_json(&dir, &[]);
        let findings = report["findings"].as_array().expect("findings");
        let got: BTreeSet<String> = findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    f["kind"].as_str().unwrap_or(""),
                    f["id"].as_str().unwrap_or("")
                )
            })
            .collect();
        for f in findings {
            let evidence = f["evidence"].as_array().map(Vec::len).unwrap_or(0);
            assert!(evidence > 0, "{name}: finding {} has no evidence", f["id"]);
            let c = f["confidence"].as_f64().unwrap_or(-1.0);
            assert!(
                (0.0..=1.0).contains(&c),
                "{name}: confidence {c} out of range"
            );
        }
        for p in &expected.present {
            if !got.contains(p) {
                failures.push(format!("{name}: {p} not reported"));
            }
        }
        if let Some(top) = &expected.top {
            let first = findings
                .iter()
                .find(|f| f["kind"] == "style")
                .and_then(|f| f["id"].as_str())
                .unwrap_or("-");
            if first != top {
                failures.push(format!("{name}: top style {first}, expected {top}"));
            }
        }
        for a in &expected.absent {
            if got.contains(a) {
                failures.push(format!("{name}: {a} reported but must not be"));
            }
        }
        let summary: Vec<String> = findings
            .iter()
            .map(|f| {
                let e = &f["evidence"][0];
                format!(
                    "{}:{} {:.2} <- {}{} {}",
                    f["kind"].as_str().unwrap_or(""),
                    f["id"].as_str().unwrap_or(""),
                    f["confidence"].as_f64().unwrap_or(0.0),
                    e["path"].as_str().unwrap_or(""),
                    e["line"]
                        .as_u64()
                        .map(|l| format!(":{l}"))
                        .unwrap_or_default(),
                    e["detail"].as_str().unwrap_or("")
                )
            })
            .collect();
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("findings", summary.join("\n"));
        });
    }
    assert!(
        failures.is_empty(),
        "detection expectations failed:\n{}",
        failures.join("\n")
    );
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("readable fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn top_style(report: &serde_json::Value) -> String {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["kind"] == "style")
        .and_then(|f| f["id"].as_str())
        .unwrap_or("-")
        .to_string()
}

/// A style that a sample fixture leads with (`inner`) comes after the monolith once the same
/// code sits in an application of a product's size (150 source files and more), and is still
/// reported: `model(n)` writes the n-th extra model file, as `(path in the fixture, source)`.
fn monolith_leads_once_product_sized(
    fixture: &str,
    inner: &str,
    model: impl Fn(usize) -> (String, String),
) {
    let repo = tempfile::tempdir().expect("tempdir");
    copy_tree(&repo_root().join(fixture), repo.path());
    assert_eq!(top_style(&analyze_json(repo.path(), &[])), inner);
    for n in 0..160 {
        let (path, source) = model(n);
        std::fs::write(repo.path().join(path), source).expect("write model");
    }
    let report = analyze_json(repo.path(), &[]);
    assert_eq!(top_style(&report), "monolith");
    let styles: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == "style")
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(
        styles.contains(&inner),
        "{inner} is still reported: {styles:?}"
    );
}

#[test]
fn layering_leads_in_a_sample_and_the_monolith_in_a_product_sized_application() {
    monolith_leads_once_product_sized("fixtures/detect/style-layered", "layered", |n| {
        (
            format!("src/main/java/com/acme/inventory/model/Item{n}.java"),
            format!("package com.acme.inventory.model;\n\npublic record Item{n}(String sku, int quantity) {{}}\n"),
        )
    });
}

#[test]
fn mvc_leads_in_a_sample_and_the_monolith_in_a_product_sized_application() {
    // The framework's models, views and controllers are how the monolith is organised inside.
    monolith_leads_once_product_sized("fixtures/detect/style-mvc", "mvc", |n| {
        (
            format!("app/Models/Item{n}.php"),
            format!("<?php\n\nnamespace App\\Models;\n\nuse Illuminate\\Database\\Eloquent\\Model;\n\nclass Item{n} extends Model\n{{\n}}\n"),
        )
    });
}

#[test]
fn a_language_only_test_fixtures_use_is_not_a_decision() {
    let repo = tempfile::tempdir().expect("tempdir");
    copy_tree(
        &repo_root().join("fixtures/detect/style-library"),
        repo.path(),
    );
    let languages = |report: &serde_json::Value| -> Vec<String> {
        report["decisions"]
            .as_array()
            .expect("decisions")
            .iter()
            .filter(|d| d["topic"] == "language")
            .filter_map(|d| d["choice"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(languages(&analyze_json(repo.path(), &[])), ["ruby"]);
    // A test suite's sample Rails app with its vendored JavaScript, larger than the gem.
    let scripts = repo.path().join("test/apps/rails7/public/javascripts");
    std::fs::create_dir_all(&scripts).expect("mkdir");
    let body: String = (0..400)
        .map(|n| format!("function helper{n}(element) {{ return element.id + {n}; }}\n"))
        .collect();
    std::fs::write(scripts.join("prototype.js"), body).expect("write script");
    let report = analyze_json(repo.path(), &[]);
    assert_eq!(languages(&report), ["ruby"]);
    let evidence = &report["decisions"][0]["evidence"][0]["path"];
    assert!(
        evidence.as_str().is_some_and(|p| p.starts_with("lib/")),
        "the evidence is the gem's own code: {evidence}"
    );
}
