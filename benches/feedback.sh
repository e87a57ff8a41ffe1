#!/usr/bin/env bash
# Feedback classification speed and agreement, side by side with VADER (the lexicon
# sentiment tool people reach for), on the same held-out GitHub comments, in one run.
#   bash benches/feedback.sh [DATA_DIR]      (default ../shared/data/feedback)
# Prints texts/s (median of 3 runs, model loading included) and macro-F1 for both.
# Needs: arch built (CARGO_TARGET_DIR, default /var/tmp/arch-target, release profile),
# the MiniLM encoder installed, and pip (VADER goes into a throw-away venv).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/feedback}"
target="${CARGO_TARGET_DIR:-/var/tmp/arch-target}"
cargo build --release --quiet
arch="$target/release/arch"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$arch" -q feedback train --data "$data" --export-held-out "$work/held.jsonl" >/dev/null
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
rows = [json.loads(l) for l in open(f"{work}/held.jsonl")]
gh = [r for r in rows if r["source"] == "github_gold_train"]
with open(f"{work}/texts.jsonl", "w") as f:
    for r in gh:
        f.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
json.dump({str(r["id"]): r["sentiment"] for r in gh}, open(f"{work}/gold.json", "w"))
print(f"{len(gh)} held-out GitHub comments")
PY

venv="${VADER_VENV:-/var/tmp/vader-venv}"
[[ -x "$venv/bin/python" ]] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q vaderSentiment; }

cat > "$work/vader.py" <<'PY'
import json, sys
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
a = SentimentIntensityAnalyzer()
for line in open(sys.argv[1]):
    r = json.loads(line)
    c = a.polarity_scores(r["text"])["compound"]
    label = "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
    print(json.dumps({"id": r["id"], "sentiment": {"label": label}}))
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { # command... → seconds
  local s e
  s=$(date +%s.%N); "$@" >"$work/out.jsonl"; e=$(date +%s.%N)
  python3 -c "print($e - $s)"
}
n=$(wc -l <"$work/texts.jsonl")
for tool in arch vader; do
  : >"$work/$tool.times"
  for _ in 1 2 3; do
    if [[ $tool == arch ]]; then
      time_it "$arch" -q --format json feedback --analyze --from "$work/texts.jsonl" >>"$work/$tool.times"
    else
      time_it "$venv/bin/python" "$work/vader.py" "$work/texts.jsonl" >>"$work/$tool.times"
    fi
  done
  cp "$work/out.jsonl" "$work/$tool.out"
  secs=$(median <"$work/$tool.times")
  f1=$(python3 - "$work/gold.json" "$work/$tool.out" <<'PY'
import json, sys
gold = json.load(open(sys.argv[1]))
pred = {str(json.loads(l)["id"]): json.loads(l)["sentiment"]["label"] for l in open(sys.argv[2])}
f1s = []
for c in ["positive", "neutral", "negative"]:
    tp = sum(1 for k, g in gold.items() if g == c and pred[k] == c)
    fp = sum(1 for k, g in gold.items() if g != c and pred[k] == c)
    fn = sum(1 for k, g in gold.items() if g == c and pred[k] != c)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1s.append(2 * p * r / (p + r) if p + r else 0.0)
print(f"{sum(f1s) / 3:.3f}")
PY
)
  printf '%-6s %6d texts  median %6.2f s  %7.1f texts/s  sentiment macro-F1 %s\n' \
    "$tool" "$n" "$secs" "$(python3 -c "print($n / $secs)")" "$f1"
done
