//! Baselines: the violations a team accepts today, frozen in a file, so that CI fails only
//! on new ones. Entries are keyed by fingerprint (rule, modules, file, import), which
//! survives lines moving; the rest of each entry is there for the people reading the file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Violation;

/// Version of the baseline file format.
const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    violations: Vec<Violation>,
}

/// A baseline that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// Reading or writing failed.
    #[error("cannot {action} baseline {path}: {source}")]
    Io {
        /// read or write.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a baseline written by `arch`.
    #[error("{path} is not an arch baseline ({message}); write a new one with --baseline-write")]
    Format {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
}

/// Writes `violations` as the baseline at `path` (atomically: a reader never sees half a file).
pub fn write(path: &Path, violations: &[Violation]) -> Result<(), BaselineError> {
    let mut sorted = violations.to_vec();
    sorted.sort_by(|a, b| (&a.fingerprint, &a.rule).cmp(&(&b.fingerprint, &b.rule)));
    sorted.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let file = BaselineFile {
        version: VERSION,
        violations: sorted,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    let io = |source| BaselineError::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// Reads the fingerprints of the baseline at `path`.
pub fn read(path: &Path) -> Result<BTreeSet<String>, BaselineError> {
    let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| BaselineError::Format {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    if file.version != VERSION {
        return Err(BaselineError::Format {
            path: path.to_path_buf(),
            message: format!(
                "version {} (this arch reads version {VERSION})",
                file.version
            ),
        });
    }
    Ok(file.violations.into_iter().map(|v| v.fingerprint).collect())
}
