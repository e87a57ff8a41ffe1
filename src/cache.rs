//! The fact cache: per-file facts kept between runs, so a re-run parses only what changed.
//!
//! Each analysed root gets a folder in the cache directory (`$XDG_CACHE_HOME/arch` by
//! default) holding [`SHARDS`] MessagePack files; a file's entry lives in the shard its path
//! hashes to. A run decodes the shards in parallel and rewrites only the shards whose
//! files changed, appeared or disappeared, so a re-run after editing one file writes one
//! small shard. An entry is reused when the file's size and modification time are
//! unchanged or, when they changed, if its content hash (xxh3) still matches. Shards carry
//! the format and arch version: a new release starts afresh. Each shard is written to a
//! temporary file and renamed into place, so concurrent runs never see half a shard (the
//! last writer wins, and every entry validates itself against the file it describes); a
//! shard that cannot be read is reported, ignored and rewritten. The cache can make a run
//! slower, never wrong.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::parse::FileFacts;
use crate::walk::Skipped;

/// The cache format and the code that fills it; a mismatch discards the shard.
const FORMAT: &str = concat!("arch-facts-94/", env!("CARGO_PKG_VERSION"));
/// Shards per root: enough that one edit rewrites a small file, few enough to open quickly.
pub const SHARDS: usize = 64;

/// What parsing one file produced.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub enum Cached {
    /// Facts of a parsed file.
    Facts(Box<FileFacts>),
    /// Why the file was skipped after reading it.
    Skipped(Skipped),
}

impl Cached {
    /// Whether a remembered outcome holds for this run: a file skipped as a copied library
    /// must be parsed after all when vendored code is included.
    pub fn applies(&self, include_vendored: bool) -> bool {
        !(include_vendored
            && matches!(self, Cached::Skipped(s) if s.reason == crate::walk::SkipReason::Vendored))
    }
}

/// [`Cached`] by reference, serialised identically, so saving never copies facts.
#[derive(Debug, Clone, Copy, Serialize)]
pub enum CachedRef<'a> {
    /// Facts of a parsed file.
    Facts(&'a FileFacts),
    /// Why the file was skipped.
    Skipped(&'a Skipped),
}

/// What identifies the content an entry was made from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub modified_ns: u128,
    /// xxh3 of the content.
    pub hash: u64,
}

#[derive(Debug, Deserialize)]
struct Entry {
    stamp: Stamp,
    outcome: Cached,
}

#[derive(Debug, Serialize)]
struct EntryRef<'a> {
    stamp: Stamp,
    outcome: CachedRef<'a>,
}

#[derive(Debug, Deserialize)]
struct Shard {
    format: String,
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Serialize)]
struct ShardRef<'a> {
    format: &'static str,
    entries: HashMap<&'a str, EntryRef<'a>>,
}

/// The cache of one analysed root.
#[derive(Debug)]
pub struct FactCache {
    dir: PathBuf,
    shards: Vec<HashMap<String, Entry>>,
    dirty: BTreeSet<usize>,
    /// Why some of the stored cache was not used, when it existed but could not be read.
    pub problem: Option<String>,
}

/// Nanoseconds since the epoch, 0 when the platform cannot say.
pub fn modified_ns(time: Option<SystemTime>) -> u128 {
    time.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// The content hash used for entries.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The default cache directory: `$XDG_CACHE_HOME/arch`, else `~/.cache/arch`.
pub fn default_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".cache")))
        .map(|d| d.join("arch"))
}

fn shard_of(rel: &str) -> usize {
    (hash(rel.as_bytes()) % SHARDS as u64) as usize
}

impl FactCache {
    /// Opens the cache of `root` in `dir`; missing or unreadable shards start empty.
    pub fn open(dir: &Path, root: &Path) -> Self {
        let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let key = hash(canonical.to_string_lossy().as_bytes());
        let dir = dir.join(format!("facts-{key:016x}"));
        let loaded: Vec<(HashMap<String, Entry>, Option<String>)> = (0..SHARDS)
            .into_par_iter()
            .map(|i| {
                let path = dir.join(format!("{i:02}.msgpack"));
                match std::fs::read(&path) {
                    Ok(bytes) => match rmp_serde::from_slice::<Shard>(&bytes) {
                        Ok(shard) if shard.format == FORMAT => (shard.entries, None),
                        // Another version's cache is expected after an upgrade: not a problem.
                        Ok(_) => (HashMap::new(), None),
                        Err(e) => (
                            HashMap::new(),
                            Some(format!(
                                "the fact cache {} is unreadable ({e}); it will be rebuilt",
                                path.display()
                            )),
                        ),
                    },
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => (HashMap::new(), None),
                    Err(e) => (
                        HashMap::new(),
                        Some(format!(
                            "cannot read the fact cache {}: {e}",
                            path.display()
                        )),
                    ),
                }
            })
            .collect();
        let mut cache = FactCache {
            dir,
            shards: Vec::with_capacity(SHARDS),
            dirty: BTreeSet::new(),
            problem: None,
        };
        for (i, (entries, problem)) in loaded.into_iter().enumerate() {
            if problem.is_some() {
                cache.dirty.insert(i);
                cache.problem = cache.problem.or(problem);
            }
            cache.shards.push(entries);
        }
        cache
    }

    /// Takes the entry of `rel` when its size and modification time are unchanged.
    pub fn take_unchanged(
        &mut self,
        rel: &str,
        size: u64,
        modified_ns: u128,
    ) -> Option<(Stamp, Cached)> {
        let shard = &mut self.shards[shard_of(rel)];
        let fresh = shard.get(rel).is_some_and(|e| {
            e.stamp.size == size && e.stamp.modified_ns == modified_ns && modified_ns != 0
        });
        if !fresh {
            return None;
        }
        shard.remove(rel).map(|e| (e.stamp, e.outcome))
    }

    /// The outcome stored for `rel` when its content hash matches (a touched, not edited, file).
    pub fn by_hash(&self, rel: &str, hash: u64) -> Option<&Cached> {
        self.shards[shard_of(rel)]
            .get(rel)
            .filter(|e| e.stamp.hash == hash)
            .map(|e| &e.outcome)
    }

    /// Notes that `rel` was parsed or re-stamped in this run: its shard must be rewritten.
    pub fn changed(&mut self, rel: &str) {
        self.dirty.insert(shard_of(rel));
    }

    /// Rewrites the shards that changed with every current entry that belongs to them.
    /// Entries left in memory (files no longer in the tree) also mark their shard dirty,
    /// so deleted and renamed files leave the cache.
    pub fn save<'a>(
        mut self,
        current: impl Iterator<Item = (&'a str, Stamp, CachedRef<'a>)>,
    ) -> std::io::Result<()> {
        for (i, shard) in self.shards.iter().enumerate() {
            if !shard.is_empty() {
                // Whatever was not taken belongs to a file that changed or is gone.
                self.dirty.insert(i);
            }
        }
        if self.dirty.is_empty() {
            return Ok(());
        }
        let mut shards: Vec<HashMap<&str, EntryRef>> =
            (0..SHARDS).map(|_| HashMap::new()).collect();
        for (rel, stamp, outcome) in current {
            let i = shard_of(rel);
            if self.dirty.contains(&i) {
                shards[i].insert(rel, EntryRef { stamp, outcome });
            }
        }
        std::fs::create_dir_all(&self.dir)?;
        for i in &self.dirty {
            let shard = ShardRef {
                format: FORMAT,
                entries: std::mem::take(&mut shards[*i]),
            };
            // Fields by name, not position: facts skip absent optional fields, and a positional
            // record that skips one field reads the next into its place.
            let bytes = rmp_serde::to_vec_named(&shard).map_err(std::io::Error::other)?;
            let path = self.dir.join(format!("{i:02}.msgpack"));
            let tmp = self.dir.join(format!("{i:02}.tmp{}", std::process::id()));
            std::fs::write(&tmp, bytes)?;
            std::fs::rename(&tmp, &path)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Facts whose optional fields are present, absent, and absent before one that is present
    /// (a chainable setter wraps nothing): the shard must read back what it wrote.
    fn facts(path: &str) -> FileFacts {
        use crate::parse::{Function, FunctionKind, TypeDecl, TypeKind};
        let ty = |name: &str, fields: &[&str]| TypeDecl {
            name: name.into(),
            kind: TypeKind::Struct,
            bases: Vec::new(),
            line: 1,
            methods: Vec::new(),
            fields: fields.iter().map(|f| f.to_string()).collect(),
        };
        let function = |name: &str, wraps: Option<&str>| Function {
            name: name.into(),
            kind: FunctionKind::Function,
            line: 2,
            wraps: wraps.map(str::to_string),
            fluent: name.starts_with("with_"),
            class_level: false,
        };
        FileFacts {
            path: path.into(),
            language: "go".into(),
            types: vec![ty("plain", &[]), ty("prefixWriter", &["io.Writer"])],
            functions: vec![
                function("main", None),
                function("HSTS", Some("http.Handler")),
                function("with_prompt", None),
            ],
            ..FileFacts::default()
        }
    }

    fn stamp(size: u64, modified_ns: u128, hash: u64) -> Stamp {
        Stamp {
            size,
            modified_ns,
            hash,
        }
    }

    #[test]
    fn entries_survive_a_round_trip_and_are_found_by_metadata_or_hash() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut cache = FactCache::open(dir.path(), Path::new("/repo"));
        cache.changed("a.go");
        let a = facts("a.go");
        cache
            .save(std::iter::once((
                "a.go",
                stamp(10, 5, 42),
                CachedRef::Facts(&a),
            )))
            .expect("saved");
        let mut cache = FactCache::open(dir.path(), Path::new("/repo"));
        assert!(cache.problem.is_none());
        assert_eq!(
            cache.by_hash("a.go", 42),
            Some(&Cached::Facts(Box::new(a.clone())))
        );
        assert_eq!(cache.by_hash("a.go", 43), None);
        assert!(cache.take_unchanged("a.go", 11, 5).is_none());
        let (s, outcome) = cache.take_unchanged("a.go", 10, 5).expect("unchanged");
        assert_eq!(s, stamp(10, 5, 42));
        assert_eq!(outcome, Cached::Facts(Box::new(a)));
    }

    #[test]
    fn a_corrupt_shard_is_reported_ignored_and_rewritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut cache = FactCache::open(dir.path(), Path::new("/repo"));
        cache.changed("a.go");
        let a = facts("a.go");
        cache
            .save(std::iter::once((
                "a.go",
                stamp(10, 5, 42),
                CachedRef::Facts(&a),
            )))
            .expect("saved");
        let shard = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .flat_map(|e| {
                std::fs::read_dir(e.path())
                    .expect("root dir")
                    .filter_map(|e| e.ok())
            })
            .next()
            .expect("a shard");
        std::fs::write(shard.path(), b"\x93not a cache").expect("corrupt it");
        let cache = FactCache::open(dir.path(), Path::new("/repo"));
        assert!(cache.problem.is_some());
        assert_eq!(cache.by_hash("a.go", 42), None);
        cache
            .save(std::iter::once((
                "a.go",
                stamp(10, 5, 42),
                CachedRef::Facts(&a),
            )))
            .expect("rewritten");
        let cache = FactCache::open(dir.path(), Path::new("/repo"));
        assert!(cache.problem.is_none());
        assert!(cache.by_hash("a.go", 42).is_some());
    }
}
