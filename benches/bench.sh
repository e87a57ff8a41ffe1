#!/usr/bin/env bash
# Benchmark `arch analyze` against ast-grep (tree-sitter parse only) and tokei (line counting).
#
# Usage: bash benches/bench.sh REPO_CHECKOUT [OUTPUT_DIR]
#
#   REPO_CHECKOUT  a checkout of a large public repository (the reference run uses
#                  spring-projects/spring-framework, about 1.6M lines; see docs/BENCHMARKS.md)
#   OUTPUT_DIR     where configs, raw timings and results.md go
#                  [default: /var/tmp/arch-bench-YYYYmmdd-HHMMSS]
#
# Environment:
#   RUNS=5              timed runs per tool
#   WARMUP=1            untimed warm-up runs per tool (they also warm the page cache)
#   RSS_RUNS=3          runs under /usr/bin/time -v for peak RSS (median is reported)
#   CARGO_TARGET_DIR    where cargo builds arch [default: /var/tmp/arch-target]
#   SKIP_BUILD=1        use the arch binary already in CARGO_TARGET_DIR/release
#   NO_HYPERFINE=1      time with a plain loop even if hyperfine is installed
#   ARCH_ARGS="..."     extra arguments for arch analyze (e.g. "--threads 1")
#   SAME_FILES=0        skip the extra ast-grep run over exactly the files arch parsed
#
# What is compared:
#   arch      `arch analyze REPO --format json -o /dev/null --no-progress --no-cache`: walk, parse with
#             tree-sitter, run fact queries, resolve imports, read manifests, build the
#             module graph, serialise JSON.
#   ast-grep  `ast-grep scan -c sgconfig.yml REPO` with one rule per language that can never
#             match: it walks the same tree (honouring .gitignore) and parses every file of
#             the 11 languages arch supports with tree-sitter, and does nothing else of note.
#   tokei     `tokei REPO`: walks and counts lines without parsing; a floor for I/O + walking.
set -euo pipefail

die() { echo "bench.sh: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

[[ $# -ge 1 ]] || die "usage: bash benches/bench.sh REPO_CHECKOUT [OUTPUT_DIR]"
REPO=$(cd "$1" && pwd) || die "no such directory: $1"
OUT=${2:-/var/tmp/arch-bench-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
RSS_RUNS=${RSS_RUNS:-3}
SAME_FILES=${SAME_FILES:-1}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/arch-target}

case "$OUT/" in "$REPO"/*) die "the output dir must not be inside the benchmarked repository" ;; esac

# ---------------------------------------------------------------- tools
missing=0
need() { # need CMD "how to install"
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "bench.sh: '$1' is not installed. Install it with: $2" >&2
        missing=1
    fi
}
need cargo "https://rustup.rs (the project's toolchain)"
need python3 "apt-get install python3"
need tokei "cargo install tokei --locked   (Debian bookworm has no tokei package; newer Debian: apt-get install tokei)"
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "bench.sh: GNU time (/usr/bin/time -v) is missing. Install it with: apt-get install time" >&2
    missing=1
fi
# ast-grep: `ast-grep`, or `sg` when that is really ast-grep (on Linux /usr/bin/sg is newgrp).
SG=""
if command -v ast-grep >/dev/null 2>&1; then
    SG=$(command -v ast-grep)
elif command -v sg >/dev/null 2>&1 && sg --version 2>/dev/null | grep -qi ast-grep; then
    SG=$(command -v sg)
else
    cat >&2 <<'EOF'
bench.sh: ast-grep is not installed. Install it with:
    npm install -g @ast-grep/cli          (ships a prebuilt binary)
  if npm refuses because /usr/bin/sg (newgrp) exists, install it beside instead:
    npm install --prefix /opt/ast-grep @ast-grep/cli
    ln -s /opt/ast-grep/node_modules/.bin/ast-grep /usr/local/bin/ast-grep
  or: cargo install ast-grep --locked
EOF
    missing=1
fi
[[ $missing -eq 0 ]] || die "missing tools (see above)"
HYPERFINE=""
if [[ "${NO_HYPERFINE:-0}" != 1 ]] && command -v hyperfine >/dev/null 2>&1; then
    HYPERFINE=$(command -v hyperfine)
else
    [[ "${NO_HYPERFINE:-0}" == 1 ]] || say "hyperfine not found (apt-get install hyperfine); timing with a loop"
fi

# ---------------------------------------------------------------- build
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    say "building arch (release) in $CARGO_TARGET_DIR"
    (cd "$HERE" && cargo build --release --quiet) || die "cargo build --release failed"
fi
ARCH="$CARGO_TARGET_DIR/release/arch"
[[ -x "$ARCH" ]] || die "no arch binary at $ARCH"

# ---------------------------------------------------------------- ast-grep config
# One rule per language; each asks for a node kind that exists in the grammar with a text
# that never occurs, so every file of the language is parsed and nothing is ever reported.
SGDIR="$OUT/ast-grep"
rm -rf "$SGDIR"; mkdir -p "$SGDIR/rules" "$SGDIR/match/rules" "$SGDIR/samples"
sg_kind() {
    case "$1" in
        php) echo name ;;                  # tree-sitter-php has no `identifier`
        kotlin) echo simple_identifier ;;  # ast-grep's Kotlin grammar (fwcd) names it so
        *) echo identifier ;;
    esac
}
SG_LANGS=(rust python javascript typescript tsx go java kotlin csharp ruby php)
# ast-grep's default extensions already cover arch's (rs, py/pyi, js/jsx/mjs/cjs, ts/mts/cts,
# tsx, go, java, kt/kts, cs, rb/gemspec, php); arch also reads *.rake, Rakefile and Gemfile
# as Ruby.
write_sgconfig() { # DIR
    cat >"$1/sgconfig.yml" <<'EOF'
ruleDirs:
  - rules
languageGlobs:
  ruby: ["*.rake", "Rakefile", "Gemfile"]
EOF
}
write_sgconfig "$SGDIR"
write_sgconfig "$SGDIR/match"
for l in "${SG_LANGS[@]}"; do
    k=$(sg_kind "$l")
    cat >"$SGDIR/rules/never-$l.yml" <<EOF
id: never-$l
language: $l
severity: info
message: parse-only benchmark rule; never matches
rule:
  kind: $k
  regex: "^NEVER_MATCHES_9f2c\$"
EOF
    # The same rule without the regex matches every identifier: used to prove parsing happens.
    cat >"$SGDIR/match/rules/any-$l.yml" <<EOF
id: any-$l
language: $l
severity: info
message: any $k
rule:
  kind: $k
EOF
done
SGCONF="$SGDIR/sgconfig.yml"

# Samples, one per language (some with syntax errors): the matching config must report
# identifiers in every one of them, and the never-matching one nothing.
S="$SGDIR/samples"
echo 'fn main() { let x = 1; let = ; }' >"$S/a.rs"
echo 'def f(x): return x +' >"$S/a.py"
echo 'const x = require("y"); function (' >"$S/a.mjs"
echo 'const x: number = 1;' >"$S/a.mts"
echo 'const x = <div>{y}</div>;' >"$S/a.tsx"
printf 'package main\nfunc main() { x := 1; _ = x }\n' >"$S/a.go"
echo 'class A { void f() { int x = 1; } ' >"$S/A.java"
echo 'fun main() { val x = 1 }' >"$S/a.kts"
echo 'class A { void F() { int x = 1; } }' >"$S/a.cs"
echo 'def f(x) x end' >"$S/a.rb"
echo 'task :x do foo end' >"$S/x.rake"
echo 'gem "rails"' >"$S/Gemfile"
echo '<?php $x = foo(1);' >"$S/a.php"
say "checking that ast-grep parses every language"
expected=$(find "$S" -type f | wc -l)
matched=$("$SG" scan -c "$SGDIR/match/sgconfig.yml" --json=stream "$S" |
    python3 -c 'import sys,json; print(len({json.loads(l)["file"] for l in sys.stdin if l.strip()}))')
[[ "$matched" == "$expected" ]] ||
    die "ast-grep matched identifiers in only $matched of $expected sample files in $S (a grammar or extension mapping is off)"
never=$("$SG" scan -c "$SGCONF" --json=stream "$S" | wc -l)
[[ "$never" == 0 ]] || die "the never-matching rules matched something in $S"
say "ast-grep: all $expected sample files parsed; never-matching rules silent"

# ---------------------------------------------------------------- file counts
say "counting the files each tool considers (untimed)"
"$ARCH" analyze "$REPO" --format json -o "$OUT/arch.json" --no-progress -q ||
    die "arch analyze failed on $REPO"
"$SG" scan -c "$SGCONF" "$REPO" --inspect entity >"$OUT/ast-grep-scan.out" 2>"$OUT/ast-grep-inspect.txt" ||
    die "ast-grep scan failed on $REPO (see $OUT/ast-grep-inspect.txt)"
[[ ! -s "$OUT/ast-grep-scan.out" ]] || die "the never-matching rules matched in $REPO (see $OUT/ast-grep-scan.out)"
tokei "$REPO" >"$OUT/tokei.txt"
tokei "$REPO" -o json >"$OUT/tokei.json" 2>/dev/null || rm -f "$OUT/tokei.json"

# Files arch parsed, relative to REPO, for the same-files ast-grep run.
python3 - "$OUT" "$REPO" <<'EOF'
import json, os, sys
out, repo = sys.argv[1], sys.argv[2]
d = json.load(open(os.path.join(out, "arch.json")))
with open(os.path.join(out, "arch-files.txt"), "w") as f:
    for e in d["files"]:
        f.write(e["path"] + "\n")
EOF
cat >"$OUT/ast-grep-same-files.sh" <<EOF
#!/usr/bin/env bash
# ast-grep over exactly the files arch parsed (arch-files.txt), in one process.
cd $(printf %q "$REPO") || exit 1
mapfile -t files <$(printf %q "$OUT/arch-files.txt")
exec $(printf %q "$SG") scan -c $(printf %q "$SGCONF") -- "\${files[@]}"
EOF
chmod +x "$OUT/ast-grep-same-files.sh"
if [[ "$SAME_FILES" == 1 ]]; then
    argbytes=$(wc -c <"$OUT/arch-files.txt")
    if (( argbytes > $(getconf ARG_MAX) / 2 )); then
        say "arch's file list is too long for one command line; skipping the same-files run"
        SAME_FILES=0
    fi
fi

# ---------------------------------------------------------------- timing
q() { printf '%q' "$1"; }
NAMES=(arch ast-grep tokei)
CMDS=(
    "$(q "$ARCH") analyze $(q "$REPO") --format json -o /dev/null --no-progress --no-cache${ARCH_ARGS:+ $ARCH_ARGS}"
    "$(q "$SG") scan -c $(q "$SGCONF") $(q "$REPO")"
    "$(q "$(command -v tokei)") $(q "$REPO")"
)
if [[ "$SAME_FILES" == 1 ]]; then
    NAMES+=("ast-grep (arch's files)")
    CMDS+=("bash $(q "$OUT/ast-grep-same-files.sh")")
fi

LOAD_BEFORE=$(uptime)
say "load before: $LOAD_BEFORE"
mkdir -p "$OUT/raw"
if [[ -n "$HYPERFINE" ]]; then
    hf=("$HYPERFINE" --warmup "$WARMUP" --runs "$RUNS" -N --export-json "$OUT/hyperfine.json"
        --export-markdown "$OUT/hyperfine.md")
    for i in "${!NAMES[@]}"; do hf+=(-n "${NAMES[$i]}" "${CMDS[$i]}"); done
    "${hf[@]}" >&2
    python3 - "$OUT" <<'EOF'
import json, os, sys
out = sys.argv[1]
for r in json.load(open(os.path.join(out, "hyperfine.json")))["results"]:
    slug = r["command"].replace(" ", "_").replace("(", "").replace(")", "").replace("'", "")
    with open(os.path.join(out, "raw", slug + ".wall"), "w") as f:
        f.write("\n".join(f"{t:.6f}" for t in r["times"]) + "\n")
EOF
    RSS_LOOP=$RSS_RUNS
else
    RSS_LOOP=0
fi
slug() { local s=${1// /_}; s=${s//[()\']/}; echo "$s"; }
for i in "${!NAMES[@]}"; do
    name=${NAMES[$i]}; cmd=${CMDS[$i]}; s=$(slug "$name")
    if [[ -z "$HYPERFINE" ]]; then
        say "timing $name ($WARMUP warm-up + $RUNS runs)"
        for ((w = 0; w < WARMUP; w++)); do eval "$cmd" >/dev/null 2>&1 || true; done
        : >"$OUT/raw/$s.wall"; : >"$OUT/raw/$s.rss"
        for ((r = 0; r < RUNS; r++)); do
            t0=$(date +%s%N)
            eval "/usr/bin/time -v -o $(q "$OUT/raw/$s.time.$r") $cmd" >/dev/null 2>&1 ||
                die "$name failed (see $OUT/raw/$s.time.$r)"
            t1=$(date +%s%N)
            awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", (b - a) / 1e9 }' >>"$OUT/raw/$s.wall"
            awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/raw/$s.time.$r" >>"$OUT/raw/$s.rss"
        done
    else
        say "peak RSS of $name ($RSS_LOOP runs under /usr/bin/time -v)"
        : >"$OUT/raw/$s.rss"
        for ((r = 0; r < RSS_LOOP; r++)); do
            eval "/usr/bin/time -v -o $(q "$OUT/raw/$s.time.$r") $cmd" >/dev/null 2>&1 ||
                die "$name failed (see $OUT/raw/$s.time.$r)"
            awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/raw/$s.time.$r" >>"$OUT/raw/$s.rss"
        done
    fi
done
LOAD_AFTER=$(uptime)
say "load after: $LOAD_AFTER"

# ---------------------------------------------------------------- report
export ARCH_ARGS=${ARCH_ARGS:-}
export REPO OUT RUNS WARMUP LOAD_BEFORE LOAD_AFTER ARCH SG HYPERFINE
export NAMES_JOINED=$(printf '%s\n' "${NAMES[@]}")
export CMDS_JOINED=$(printf '%s\n' "${CMDS[@]}")
python3 - <<'EOF' | tee "$OUT/results.md"
import json, os, re, statistics, subprocess

env = os.environ
out, repo = env["OUT"], env["REPO"]
names = env["NAMES_JOINED"].splitlines()
cmds = env["CMDS_JOINED"].splitlines()
slug = lambda n: n.replace(" ", "_").replace("(", "").replace(")", "").replace("'", "")

def nums(path):
    try:
        return [float(x) for x in open(path).read().split()]
    except FileNotFoundError:
        return []

def sh(*a):
    try:
        return subprocess.run(a, capture_output=True, text=True).stdout.strip()
    except Exception:
        return ""

def fsize(p):
    try:
        return os.path.getsize(p)
    except OSError:
        return 0

# arch's own accounting
a = json.load(open(os.path.join(out, "arch.json")))
summ = a["summary"]
arch_files, arch_bytes = summ["files"], summ["bytes"]
arch_set = {e["path"] for e in a["files"]}

# ast-grep: the files it scanned, from --inspect entity
sg_files = []
for line in open(os.path.join(out, "ast-grep-inspect.txt")):
    m = re.match(r"sg: entity\|file\|(.*): language=", line)
    if m:
        sg_files.append(m.group(1))
sg_bytes = sum(fsize(p) for p in sg_files)
sg_set = {os.path.relpath(p, repo) for p in sg_files}

# tokei
tk_files = tk_lines = None
tk_bytes = None
tj = os.path.join(out, "tokei.json")
if os.path.exists(tj):
    t = json.load(open(tj))
    total = t.get("Total", {})
    paths = [r["name"] for lang, v in t.items() if lang != "Total" for r in v.get("reports", [])]
    tk_files = len(paths)
    tk_bytes = sum(fsize(p) for p in paths)
    tk_lines = total.get("code", 0) + total.get("comments", 0) + total.get("blanks", 0)
else:
    for line in open(os.path.join(out, "tokei.txt")):
        f = line.split()
        if f and f[0] == "Total" and len(f) >= 6:
            tk_files, tk_lines = int(f[1]), int(f[2])

counts = {
    "arch": (arch_files, arch_bytes),
    "ast-grep": (len(sg_files), sg_bytes),
    "ast-grep (arch's files)": (arch_files, arch_bytes),
    "tokei": (tk_files, tk_bytes),
}

rows = []
med = {}
for n in names:
    w = nums(os.path.join(out, "raw", slug(n) + ".wall"))
    r = nums(os.path.join(out, "raw", slug(n) + ".rss"))
    med[n] = statistics.median(w) if w else None
    rows.append((n, w, r))

def fmt(x, p=2):
    return "n/a" if x is None else f"{x:.{p}f}"

print("## Results\n")
commit = sh("git", "-C", repo, "rev-parse", "HEAD")
print(f"- repository: `{repo}`" + (f" at commit `{commit}`" if commit else ""))
print(f"- tokei: {tk_files} files, {tk_lines} lines (all file types)")
print(f"- arch: {arch_files} source files parsed, {summ.get('lines')} lines, {arch_bytes/1e6:.1f} MB "
      f"({summ.get('other_files')} other files read, {summ.get('skipped')} skipped, "
      f"{summ.get('files_with_syntax_errors')} with syntax errors)")
print(f"- ast-grep: {len(sg_files)} files scanned, {sg_bytes/1e6:.1f} MB; "
      f"{len(sg_set - arch_set)} of them not parsed by arch, {len(arch_set - sg_set)} parsed by arch but not by ast-grep")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
print(f"- machine: {os.cpu_count()} CPUs ({sh('nproc')} usable), {cpu}, {mem} MiB RAM")
print(f"- timing: {'hyperfine' if env.get('HYPERFINE') else 'shell loop'}, {env['WARMUP']} warm-up + {env['RUNS']} runs each; peak RSS from /usr/bin/time -v (median of runs)")
print(f"- load before: `{env['LOAD_BEFORE'].strip()}`")
print(f"- load after:  `{env['LOAD_AFTER'].strip()}`")
print()
print("| tool | files | median wall s | min s | files/s | MB/s | peak RSS MB | ratio to ast-grep (median) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
base = med.get("ast-grep")
for n, w, r in rows:
    files, nbytes = counts.get(n, (None, None))
    m = med[n]
    fps = files / m if files and m else None
    mbs = nbytes / 1e6 / m if nbytes and m else None
    rss = statistics.median(r) / 1024 if r else None
    ratio = m / base if m and base else None
    print(f"| {n} | {files if files is not None else 'n/a'} | {fmt(m)} | {fmt(min(w) if w else None)} | "
          f"{fmt(fps, 0)} | {fmt(mbs, 1)} | {fmt(rss, 0)} | {fmt(ratio)} |")
print()
if med.get("arch") and base:
    print(f"**arch / ast-grep (median wall): {med['arch'] / base:.2f}x** (target: at most 1.5x)")
same = med.get("ast-grep (arch's files)")
if med.get("arch") and same:
    print(f"arch / ast-grep over exactly arch's files: {med['arch'] / same:.2f}x")
print()
print("Commands:\n")
for n, c in zip(names, cmds):
    print(f"- {n}: `{c}`")
EOF
say "results in $OUT/results.md"
