#!/usr/bin/env bash
# Incremental `arch analyze --check`: a cold run against a warm re-run after touching one
# file (the fact cache), and a --changed-since run.
#
# Usage: bash benches/incremental.sh REPO_CHECKOUT [FILE_TO_TOUCH]
#   REPO_CHECKOUT  a git checkout (the reference run uses spring-framework, see docs/BENCHMARKS.md)
#   FILE_TO_TOUCH  a source file relative to the checkout [default: the first tracked .java/.go/.py/.ts/.rs file]
# Environment: RUNS (10), CARGO_TARGET_DIR (/var/tmp/arch-target), SKIP_BUILD=1.
# The file is appended to before each warm run and restored with `git checkout` at the end.
set -euo pipefail
REPO=$(cd "${1:?usage: bash benches/incremental.sh REPO_CHECKOUT [FILE]}" && pwd)
RUNS=${RUNS:-10}
TARGET=${CARGO_TARGET_DIR:-/var/tmp/arch-target}
cd "$(dirname "$0")/.."
[[ -n "${SKIP_BUILD:-}" ]] || CARGO_TARGET_DIR="$TARGET" cargo build --release --locked -q
ARCH="$TARGET/release/arch"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
FILE=${2:-$(git -C "$REPO" ls-files '*.java' '*.go' '*.py' '*.ts' '*.rs' | head -n 1)}
WORK=$(mktemp -d)
trap 'git -C "$REPO" checkout -q -- "$FILE"; rm -rf "$WORK"' EXIT
# A rule set that needs no findings: what a CI gate on dependencies runs.
cat > "$WORK/rules.yaml" <<'RULES'
rules:
  no_cycles: true
RULES
CHECK="$ARCH analyze $REPO --check --rules $WORK/rules.yaml -q --cache-dir $WORK/cache"
$CHECK >/dev/null || true   # fill the cache
TOUCH="echo '// touched' >> $REPO/$FILE"
hyperfine --runs "$RUNS" --warmup 1 -i --export-json "$WORK/incremental.json" \
  --prepare "$TOUCH" --prepare "$TOUCH" --prepare "$TOUCH" \
  -n cold "$CHECK --no-cache" \
  -n "warm, one file touched" "$CHECK" \
  -n "warm, --changed-since HEAD" "$CHECK --changed-since HEAD"
python3 - "$WORK/incremental.json" <<'PY'
import json, sys, statistics
r = {x["command"]: statistics.median(x["times"]) for x in json.load(open(sys.argv[1]))["results"]}
cold = r["cold"]
print("\n| run | median s | share of cold |\n|---|---:|---:|")
for name, t in r.items():
    print(f"| {name} | {t:.3f} | {t / cold:.1%} |")
PY
