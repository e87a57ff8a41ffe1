#!/usr/bin/env bash
# Clones every repository listed in docs/accuracy/labels.yaml into a target directory and
# checks out the labelled commit, so `arch` can be measured against the hand labels.
#
#   scripts/accuracy-checkout.sh [--dry-run] [--labels FILE] TARGET_DIR
#
# Each repository goes to TARGET_DIR/<owner>__<name>. A directory that already exists is
# skipped (its HEAD is compared with the labelled commit and a mismatch is reported).
# --dry-run only parses the labels and prints what would be done; it needs no network.
# Needs git and python3 (standard library only).
set -euo pipefail

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

root="$(cd "$(dirname "$0")/.." && pwd)"
labels="$root/docs/accuracy/labels.yaml"
dry_run=0
target=""

while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run|-n) dry_run=1 ;;
        --labels) shift; labels="${1:?--labels needs a file}" ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
        *)
            if [ -n "$target" ]; then echo "only one TARGET_DIR is allowed" >&2; exit 2; fi
            target="$1"
            ;;
    esac
    shift
done

if [ -z "$target" ]; then
    usage >&2
    exit 2
fi
if [ ! -f "$labels" ]; then
    echo "labels file not found: $labels" >&2
    exit 1
fi

# Prints one tab-separated line per entry: repo, url, commit. Only the top-level keys of each
# list item are read (`- repo:`, `  url:`, `  commit:`), which is all this file format uses.
entries="$(python3 - "$labels" <<'PY'
import re
import sys

path = sys.argv[1]
entries, current = [], None
key_re = re.compile(r'^(?:- |  )(repo|url|commit):\s*(.*?)\s*$')
with open(path, encoding="utf-8") as f:
    for lineno, line in enumerate(f, 1):
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("- "):
            current = {"line": lineno}
            entries.append(current)
        m = key_re.match(line)
        if m and current is not None:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            current[m.group(1)] = value

errors = []
for e in entries:
    for key in ("repo", "url", "commit"):
        if not e.get(key):
            errors.append(f"{path}:{e['line']}: entry without {key}")
    repo, commit = e.get("repo", ""), e.get("commit", "")
    if repo and not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo):
        errors.append(f"{path}:{e['line']}: bad repo '{repo}'")
    if commit and not re.fullmatch(r"[0-9a-f]{40}", commit):
        errors.append(f"{path}:{e['line']}: commit of {repo} is not a 40-hex sha")
if errors:
    sys.stderr.write("\n".join(errors) + "\n")
    sys.exit(1)
if not entries:
    sys.stderr.write(f"{path}: no entries\n")
    sys.exit(1)
for e in entries:
    print(f"{e['repo']}\t{e['url']}\t{e['commit']}")
PY
)"

count=0
cloned=0
skipped=0
failed=0

if [ "$dry_run" -eq 0 ]; then
    mkdir -p "$target"
fi

while IFS=$'\t' read -r repo url commit; do
    count=$((count + 1))
    dir="$target/${repo/\//__}"
    if [ -e "$dir" ]; then
        skipped=$((skipped + 1))
        if [ -d "$dir/.git" ] || git -C "$dir" rev-parse --git-dir >/dev/null 2>&1; then
            head="$(git -C "$dir" rev-parse HEAD 2>/dev/null || echo unknown)"
            if [ "$head" = "$commit" ]; then
                echo "skip   $repo: $dir already at $commit"
            else
                echo "skip   $repo: $dir exists but HEAD is $head, labels expect $commit" >&2
            fi
        else
            echo "skip   $repo: $dir exists and is not a git checkout" >&2
        fi
        continue
    fi
    if [ "$dry_run" -eq 1 ]; then
        echo "would  git clone $url $dir && git -C $dir checkout $commit"
        continue
    fi
    echo "clone  $repo -> $dir"
    if git clone --quiet --no-checkout "$url" "$dir" \
        && { git -C "$dir" cat-file -e "$commit^{commit}" 2>/dev/null \
             || git -C "$dir" fetch --quiet origin "$commit"; } \
        && git -C "$dir" -c advice.detachedHead=false checkout --quiet "$commit"; then
        cloned=$((cloned + 1))
    else
        echo "failed $repo: could not clone $url at $commit" >&2
        failed=$((failed + 1))
    fi
done <<< "$entries"

if [ "$dry_run" -eq 1 ]; then
    echo "dry run: $count repositories in $labels, $skipped already present in $target"
else
    echo "$count repositories: $cloned cloned, $skipped skipped, $failed failed (in $target)"
fi
[ "$failed" -eq 0 ]
