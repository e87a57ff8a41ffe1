//! Shared helpers: a hermetic `arch` command, fixture paths, schema validation.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

/// The repository root: the one `cargo test` runs in, read at run time. The compile-time
/// value goes stale when clones in two folders share one `CARGO_TARGET_DIR` (as CI's clone
/// and a developer's do): cargo does not rebuild a test binary for a moved checkout.
pub fn repo_root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// A fixture directory.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("fixtures").join(name)
}

/// `arch` with a clean environment: no user config, no `ARCH_*`, no colour hints.
pub fn arch(config_home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("arch").expect("the arch binary is built");
    for (key, _) in std::env::vars() {
        if key.starts_with("ARCH_") || key == "NO_COLOR" {
            cmd.env_remove(key);
        }
    }
    cmd.env("XDG_CONFIG_HOME", config_home);
    // The fact cache goes next to the config so tests never share or keep one.
    cmd.env("XDG_CACHE_HOME", config_home.join("cache"));
    // Models and the default knowledge base never land in the real user's data directory.
    cmd.env("XDG_DATA_HOME", config_home.join("data"));
    cmd.env_remove("ARCH_DB");
    cmd
}

/// An empty directory to act as `$XDG_CONFIG_HOME`.
pub fn config_home() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// Runs `arch analyze PATH --format json` and returns the parsed, schema-validated report.
pub fn analyze_json(path: &Path, extra: &[&str]) -> serde_json::Value {
    let home = config_home();
    let output = arch(home.path())
        .arg("analyze")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("arch runs");
    assert!(
        output.status.success(),
        "arch analyze {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let value: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    assert_valid(&value);
    value
}

/// Fails when `report` does not validate against `docs/schema/analysis.schema.json`.
pub fn assert_valid(report: &serde_json::Value) {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    let validator = VALIDATOR.get_or_init(|| {
        let text = std::fs::read_to_string(repo_root().join("docs/schema/analysis.schema.json"))
            .expect("the committed schema exists");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
        jsonschema::validator_for(&schema).expect("schema compiles")
    });
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .take(10)
        .collect();
    assert!(
        errors.is_empty(),
        "report violates the schema:\n{}",
        errors.join("\n")
    );
}
