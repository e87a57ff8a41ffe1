//! The files git tracks, read from the repository's index.
//!
//! A `.gitignore` only stops git from adding new files; a file already committed stays
//! part of the project even when a pattern matches it (zod's `packages/zod/.gitignore`
//! ignores `**/package.json`, yet the package's own manifest is committed). The walker
//! asks the `ignore` crate, which cannot tell tracked from untracked, so the walk adds
//! back what the index lists. Reading the index directly keeps `git` off the path of
//! every analysis; anything unexpected in it (a split index, an unknown version) means
//! "no answer" and the walk stays as the ignore rules left it.

use std::path::{Path, PathBuf};

/// Regular files and symbolic links tracked by the git repository whose work tree is
/// `root`, as `/`-separated paths; `None` when `root` is not the top of a work tree or its
/// index cannot be read. A folder inside a larger checkout is analysed as its own project,
/// under its own ignore rules only (the walk reads no parent's `.gitignore` either).
pub(super) fn tracked_files(root: &Path) -> Option<Vec<String>> {
    let git_dir = git_dir(root)?;
    let bytes = std::fs::read(git_dir.join("index")).ok()?;
    let hash_len = if uses_sha256(&git_dir) { 32 } else { 20 };
    let mut paths = parse_index(&bytes, hash_len)?;
    paths.dedup();
    Some(paths)
}

/// The git directory of the work tree at `root`: `.git` itself, or the directory a `.git`
/// file names (a linked work tree or a submodule).
fn git_dir(root: &Path) -> Option<PathBuf> {
    let dot_git = root.join(".git");
    if std::fs::metadata(&dot_git).ok()?.is_dir() {
        return Some(dot_git);
    }
    let text = std::fs::read_to_string(&dot_git).ok()?;
    let target = text.trim().strip_prefix("gitdir:")?.trim();
    Some(root.join(target))
}

/// Whether the repository hashes objects with SHA-256 (`extensions.objectformat`), which
/// widens every index entry.
fn uses_sha256(git_dir: &Path) -> bool {
    let mut configs = vec![git_dir.join("config")];
    if let Ok(common) = std::fs::read_to_string(git_dir.join("commondir")) {
        configs.push(git_dir.join(common.trim()).join("config"));
    }
    configs.iter().any(|path| {
        std::fs::read_to_string(path).is_ok_and(|text| {
            text.lines().any(|line| {
                let line: String = line.split_whitespace().collect::<String>().to_lowercase();
                line == "objectformat=sha256"
            })
        })
    })
}

/// Mode bits of the entries worth walking: regular files and symbolic links (not
/// submodules, not the directory entries of a sparse index).
fn is_file_mode(mode: u32) -> bool {
    matches!(mode >> 12, 0o10 | 0o12)
}

/// Paths of the file entries in a version 2, 3 or 4 index (`git help format-index`).
fn parse_index(bytes: &[u8], hash_len: usize) -> Option<Vec<String>> {
    let u32_at = |at: usize| -> Option<u32> {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    if bytes.get(..4)? != b"DIRC" {
        return None;
    }
    let version = u32_at(4)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = u32_at(8)? as usize;
    // ctime, mtime, dev, ino, mode, uid, gid, size: ten 32-bit fields before the hash.
    let fixed = 40 + hash_len + 2;
    let mut at = 12;
    let mut previous: Vec<u8> = Vec::new();
    let mut paths = Vec::with_capacity(count);
    for _ in 0..count {
        let start = at;
        let mode = u32_at(start + 24)?;
        let flags = bytes.get(start + 40 + hash_len..start + fixed)?;
        let extended = version >= 3 && flags[0] & 0x40 != 0;
        at = start + fixed + if extended { 2 } else { 0 };
        let path = if version == 4 {
            // The path shares a prefix with the previous one: drop N bytes of it, then append.
            let (strip, used) = read_offset(bytes.get(at..)?)?;
            at += used;
            let end = at + bytes.get(at..)?.iter().position(|&b| b == 0)?;
            let keep = previous.len().checked_sub(strip)?;
            let mut path = previous[..keep].to_vec();
            path.extend_from_slice(&bytes[at..end]);
            at = end + 1;
            path
        } else {
            let end = at + bytes.get(at..)?.iter().position(|&b| b == 0)?;
            let path = bytes[at..end].to_vec();
            // Entries are padded with 1 to 8 NUL bytes to a multiple of eight.
            at = start + (end - start + 8) / 8 * 8;
            path
        };
        if is_file_mode(mode) {
            paths.push(String::from_utf8_lossy(&path).into_owned());
        }
        previous = path;
    }
    // A split index keeps most entries in a shared file; this one alone is incomplete.
    while at + 8 <= bytes.len().saturating_sub(hash_len) {
        let signature = bytes.get(at..at + 4)?;
        if signature == b"link" {
            return None;
        }
        at += 8 + u32_at(at + 4)? as usize;
    }
    Some(paths)
}

/// Git's variable-length offset encoding (`decode_varint`), and the bytes it took.
fn read_offset(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut iter = bytes.iter();
    let mut byte = *iter.next()?;
    let mut value = (byte & 0x7f) as usize;
    let mut used = 1;
    while byte & 0x80 != 0 {
        byte = *iter.next()?;
        used += 1;
        value = value.checked_add(1)?.checked_mul(128)? + (byte & 0x7f) as usize;
    }
    Some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One index entry as git writes it: the fixed fields, the path, the padding.
    fn entry(version: u32, mode: u32, path: &[u8], v4_strip: Option<u8>) -> Vec<u8> {
        let mut out = vec![0u8; 24];
        out.extend_from_slice(&mode.to_be_bytes());
        out.extend_from_slice(&[0u8; 12]);
        out.extend_from_slice(&[0u8; 20]);
        out.extend_from_slice(&(path.len().min(0xfff) as u16).to_be_bytes());
        if version == 4 {
            out.push(v4_strip.unwrap_or(0));
            out.extend_from_slice(path);
            out.push(0);
        } else {
            out.extend_from_slice(path);
            let len = out.len();
            out.resize((len + 8) / 8 * 8, 0);
        }
        out
    }

    fn index(version: u32, entries: &[Vec<u8>], extension: Option<&[u8; 4]>) -> Vec<u8> {
        let mut out = b"DIRC".to_vec();
        out.extend_from_slice(&version.to_be_bytes());
        out.extend_from_slice(&(entries.len() as u32).to_be_bytes());
        for e in entries {
            out.extend_from_slice(e);
        }
        if let Some(signature) = extension {
            out.extend_from_slice(signature);
            out.extend_from_slice(&4u32.to_be_bytes());
            out.extend_from_slice(&[0u8; 4]);
        }
        out.extend_from_slice(&[0u8; 20]);
        out
    }

    #[test]
    fn version_2_entries_are_padded_and_submodules_left_out() {
        let bytes = index(
            2,
            &[
                entry(2, 0o100644, b"package.json", None),
                entry(2, 0o160000, b"deps/sub", None),
                entry(2, 0o120000, b"link", None),
                entry(2, 0o100755, b"src/main.rs", None),
            ],
            Some(b"TREE"),
        );
        assert_eq!(
            parse_index(&bytes, 20).unwrap(),
            ["package.json", "link", "src/main.rs"]
        );
    }

    #[test]
    fn version_4_paths_share_the_previous_prefix() {
        let bytes = index(
            4,
            &[
                entry(4, 0o100644, b"src/a.rs", None),
                // "src/a.rs" minus 4 bytes ("a.rs") plus "b/c.rs".
                entry(4, 0o100644, b"b/c.rs", Some(4)),
            ],
            None,
        );
        assert_eq!(parse_index(&bytes, 20).unwrap(), ["src/a.rs", "src/b/c.rs"]);
    }

    #[test]
    fn a_split_or_foreign_index_gives_no_answer() {
        let split = index(2, &[entry(2, 0o100644, b"a", None)], Some(b"link"));
        assert_eq!(parse_index(&split, 20), None);
        assert_eq!(parse_index(b"DIRC\0\0\0\x09\0\0\0\0", 20), None);
        assert_eq!(parse_index(b"not an index", 20), None);
        let truncated = index(2, &[entry(2, 0o100644, b"abc", None)], None);
        assert_eq!(parse_index(&truncated[..30], 20), None);
    }

    #[test]
    fn offsets_follow_gits_varint() {
        assert_eq!(read_offset(&[0x05]), Some((5, 1)));
        // 0x80 0x00 encodes 128 in git's scheme (each continuation adds one).
        assert_eq!(read_offset(&[0x80, 0x00]), Some((128, 2)));
        assert_eq!(read_offset(&[0x80]), None);
    }
}
