//! Lock files: how many packages a project really pulls in.
//!
//! Only a count is kept. The packages themselves are mostly transitive, so listing them
//! as dependencies (or reading frameworks from them) would credit the project with
//! choices its dependencies made.

use std::collections::HashSet;

use super::{file_name, Lockfile};

/// The lock-file formats understood, each with its own cheap way of counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LockKind {
    /// TOML with one `[[package]]` table per package: Cargo.lock, poetry.lock, uv.lock.
    PackageTables(&'static str),
    NpmLock,
    YarnLock,
    PnpmLock,
    GoSum,
    PipfileLock,
    GemfileLock,
    ComposerLock,
    NugetLock,
}

/// Recognises a lock file from its name.
pub(super) fn kind_of(path: &str) -> Option<LockKind> {
    let kind = match file_name(path) {
        "Cargo.lock" => LockKind::PackageTables("cargo"),
        "poetry.lock" | "uv.lock" => LockKind::PackageTables("python"),
        "package-lock.json" | "npm-shrinkwrap.json" => LockKind::NpmLock,
        "yarn.lock" => LockKind::YarnLock,
        "pnpm-lock.yaml" => LockKind::PnpmLock,
        "go.sum" => LockKind::GoSum,
        "Pipfile.lock" => LockKind::PipfileLock,
        "Gemfile.lock" => LockKind::GemfileLock,
        "composer.lock" => LockKind::ComposerLock,
        "packages.lock.json" => LockKind::NugetLock,
        _ => return None,
    };
    Some(kind)
}

impl LockKind {
    fn ecosystem(self) -> &'static str {
        match self {
            Self::PackageTables(ecosystem) => ecosystem,
            Self::NpmLock | Self::YarnLock | Self::PnpmLock => "npm",
            Self::GoSum => "go",
            Self::PipfileLock => "pipenv",
            Self::GemfileLock => "bundler",
            Self::ComposerLock => "composer",
            Self::NugetLock => "nuget",
        }
    }
}

/// Counts the packages a lock file pins; JSON ones must parse, the others are line scans.
pub(super) fn parse(kind: LockKind, path: &str, text: &str) -> Result<Lockfile, String> {
    let packages = match kind {
        LockKind::PackageTables(_) => text
            .lines()
            .filter(|line| line.trim() == "[[package]]")
            .count(),
        LockKind::NpmLock => count_npm(&parse_json(text)?),
        LockKind::YarnLock => count_yarn(text),
        LockKind::PnpmLock => count_pnpm(text),
        LockKind::GoSum => {
            // Each module has a line for its tree and one for its go.mod, often per version.
            let modules: HashSet<&str> = text
                .lines()
                .filter_map(|line| line.split_whitespace().next())
                .collect();
            modules.len()
        }
        LockKind::PipfileLock => {
            let root = parse_json(text)?;
            let names: HashSet<&String> = ["default", "develop"]
                .iter()
                .filter_map(|section| root.get(section).and_then(serde_json::Value::as_object))
                .flat_map(serde_json::Map::keys)
                .collect();
            names.len()
        }
        LockKind::GemfileLock => count_gemfile_lock(text),
        LockKind::ComposerLock => {
            let root = parse_json(text)?;
            ["packages", "packages-dev"]
                .iter()
                .filter_map(|section| root.get(section).and_then(serde_json::Value::as_array))
                .map(Vec::len)
                .sum()
        }
        LockKind::NugetLock => {
            let root = parse_json(text)?;
            // Packages repeat once per target framework; count each name once.
            let names: HashSet<&String> = root
                .get("dependencies")
                .and_then(serde_json::Value::as_object)
                .into_iter()
                .flat_map(serde_json::Map::values)
                .filter_map(serde_json::Value::as_object)
                .flat_map(serde_json::Map::keys)
                .collect();
            names.len()
        }
    };
    Ok(Lockfile {
        path: path.to_string(),
        ecosystem: kind.ecosystem().to_string(),
        packages,
    })
}

fn parse_json(text: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(text).map_err(|error| format!("invalid JSON: {error}"))
}

/// npm lock v2/v3 list installed packages under `packages` by `node_modules/…` path (the
/// other keys are the project and its workspaces); v1 nests `dependencies`.
fn count_npm(root: &serde_json::Value) -> usize {
    fn count_nested(dependencies: &serde_json::Map<String, serde_json::Value>) -> usize {
        dependencies
            .values()
            .map(|entry| {
                1 + entry
                    .get("dependencies")
                    .and_then(serde_json::Value::as_object)
                    .map_or(0, count_nested)
            })
            .sum()
    }
    if let Some(packages) = root.get("packages").and_then(serde_json::Value::as_object) {
        packages
            .keys()
            .filter(|key| key.contains("node_modules/"))
            .count()
    } else {
        root.get("dependencies")
            .and_then(serde_json::Value::as_object)
            .map_or(0, count_nested)
    }
}

/// Every unindented `specifiers:` line opens one resolved package, in v1 and Berry alike.
fn count_yarn(text: &str) -> usize {
    text.lines()
        .filter(|line| {
            !line.is_empty()
                && !line.starts_with([' ', '\t', '#'])
                && line.trim_end().ends_with(':')
                && !line.starts_with("__metadata")
        })
        .count()
}

/// Keys directly under the top-level `packages:` mapping, one per resolved package.
fn count_pnpm(text: &str) -> usize {
    let mut in_packages = false;
    let mut count = 0;
    for line in text.lines() {
        if !line.starts_with(' ') && !line.trim().is_empty() {
            in_packages = line.trim_end() == "packages:";
        } else if in_packages {
            let entry = line
                .strip_prefix("  ")
                .is_some_and(|rest| !rest.starts_with(' '));
            if entry && line.trim_end().ends_with(':') {
                count += 1;
            }
        }
    }
    count
}

/// Spec lines (`    name (version)`) of the GEM, GIT and PATH sections; their own
/// dependencies sit two spaces deeper and are not counted twice.
fn count_gemfile_lock(text: &str) -> usize {
    text.lines()
        .filter(|line| {
            line.strip_prefix("    ")
                .is_some_and(|rest| !rest.starts_with(' ') && rest.contains(" ("))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::super::collect_from;

    /// Writes one lock file to a temporary directory and returns its package count.
    fn count(path: &str, text: &str) -> usize {
        let (facts, warnings) = collect_from(&[(path, text)]);
        assert!(warnings.is_empty(), "{warnings:?}");
        facts.lockfiles.first().expect("one lock file").packages
    }

    #[test]
    fn counts_each_format() {
        assert_eq!(
            count(
                "Cargo.lock",
                "version = 3\n\n[[package]]\nname = \"a\"\n\n[[package]]\nname = \"b\"\n"
            ),
            2
        );
        assert_eq!(count("uv.lock", "[[package]]\nname = \"a\"\n"), 1);
        let npm3 = r#"{"lockfileVersion": 3, "packages": {"": {}, "packages/lib": {}, "node_modules/a": {}, "node_modules/a/node_modules/b": {}}}"#;
        assert_eq!(count("package-lock.json", npm3), 2);
        let npm1 = r#"{"lockfileVersion": 1, "dependencies": {"a": {"dependencies": {"b": {}}}, "c": {}}}"#;
        assert_eq!(count("npm-shrinkwrap.json", npm1), 3);
        let yarn = "# yarn lockfile v1\n\n\"@babel/core@^7.0.0\", \"@babel/core@^7.1.0\":\n  version \"7.1.0\"\n\nleft-pad@^1.0.0:\n  version \"1.3.0\"\n";
        assert_eq!(count("yarn.lock", yarn), 2);
        let berry = "__metadata:\n  version: 6\n\n\"a@npm:1.0.0\":\n  version: 1.0.0\n";
        assert_eq!(count("yarn.lock", berry), 1);
        let pnpm = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: {}\npackages:\n  a@1.0.0:\n    resolution: {}\n  b@2.0.0:\n    resolution: {}\nsnapshots:\n  a@1.0.0: {}\n";
        assert_eq!(count("pnpm-lock.yaml", pnpm), 2);
        let go_sum = "github.com/a/b v1.0.0 h1:x=\ngithub.com/a/b v1.0.0/go.mod h1:y=\ngolang.org/x/sys v0.1.0/go.mod h1:z=\n";
        assert_eq!(count("go.sum", go_sum), 2);
        assert_eq!(
            count(
                "Pipfile.lock",
                r#"{"default": {"a": {}, "b": {}}, "develop": {"b": {}, "c": {}}}"#
            ),
            3
        );
        let gems = "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (7.1.0)\n      actionpack (= 7.1.0)\n    rake (13.0.0)\n\nDEPENDENCIES\n  rails\n";
        assert_eq!(count("Gemfile.lock", gems), 2);
        assert_eq!(
            count(
                "composer.lock",
                r#"{"packages": [{}, {}], "packages-dev": [{}]}"#
            ),
            3
        );
        let nuget = r#"{"version": 1, "dependencies": {"net8.0": {"A": {}, "B": {}}, "net6.0": {"A": {}}}}"#;
        assert_eq!(count("packages.lock.json", nuget), 2);
    }

    #[test]
    fn lock_file_packages_are_not_dependencies_or_frameworks() {
        let lock = r#"{"lockfileVersion": 3, "packages": {"": {}, "node_modules/express": {}, "node_modules/react": {}}}"#;
        let (facts, warnings) = collect_from(&[
            ("package-lock.json", lock),
            (
                "Cargo.lock",
                "[[package]]\nname = \"axum\"\nversion = \"0.7.0\"\n",
            ),
        ]);
        assert!(warnings.is_empty());
        assert!(facts.manifests.is_empty());
        assert!(facts.frameworks.is_empty());
        let counts: Vec<(&str, &str, usize)> = facts
            .lockfiles
            .iter()
            .map(|l| (l.path.as_str(), l.ecosystem.as_str(), l.packages))
            .collect();
        assert_eq!(
            counts,
            vec![("Cargo.lock", "cargo", 1), ("package-lock.json", "npm", 2)]
        );
    }

    #[test]
    fn broken_json_lock_file_is_a_warning() {
        let (facts, warnings) = collect_from(&[("composer.lock", "{")]);
        assert!(facts.lockfiles.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.starts_with("invalid JSON"));
    }
}
