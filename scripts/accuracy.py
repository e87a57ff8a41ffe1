#!/usr/bin/env python3
"""Scores `arch analyze` against hand labels.

    accuracy.py repos --labels docs/accuracy/labels.yaml --checkouts DIR [--arch BIN] [--markdown]
        Analyses DIR/<owner>__<name> for every labelled repository and reports per-kind
        precision, recall and F1 (design, communication, data, and the three together),
        style precision/recall and how often the top style is right.

    accuracy.py fixtures [--dir fixtures/detect] [--arch BIN]
        Checks every fixture's expected.yaml (`present` must be reported, `absent` must
        not, `top` is the style reported first); exits 1 on any miss. CI runs this.

A label lists the ids present; every other id of the taxonomy counts as absent.
"""

import argparse
import json
import os
import subprocess
import sys

import yaml

KINDS = ("design", "communication", "data")
TAXONOMY = {
    "style": ["layered", "hexagonal", "clean", "mvc", "microservices", "modular-monolith",
              "event-driven", "cqrs", "plugin", "pipeline", "monolith", "library", "cli"],
    "design": ["repository", "service-layer", "dto", "factory", "builder", "singleton",
               "strategy", "observer", "adapter", "decorator-middleware",
               "dependency-injection", "unit-of-work", "command"],
    "communication": ["rest-http", "grpc", "graphql", "message-queue", "websocket", "cli"],
    "data": ["orm", "migrations", "raw-sql", "nosql", "cache", "event-sourcing"],
}


def default_arch():
    target = os.environ.get("CARGO_TARGET_DIR", "/var/tmp/arch-target")
    for profile in ("release", "debug"):
        path = os.path.join(target, profile, "arch")
        if os.path.exists(path):
            return path
    return "arch"


def analyse(arch, path):
    out = subprocess.run(
        [arch, "-q", "--no-progress", "analyze", path, "--format", "json"],
        capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"arch analyze {path} failed ({out.returncode}): {out.stderr.strip()}")
    return json.loads(out.stdout)


def reported(report):
    """{kind: [ids in report order]} for asserted findings."""
    found = {k: [] for k in TAXONOMY}
    for f in report.get("findings", []):
        found.setdefault(f["kind"], []).append(f["id"])
    return found


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def repos(args):
    labels = yaml.safe_load(open(args.labels))
    totals = {k: [0, 0, 0] for k in ("style",) + KINDS}
    top_right = 0
    rows = []
    errors = []
    for entry in labels:
        owner, name = entry["repo"].split("/")
        path = os.path.join(args.checkouts, f"{owner}__{name}")
        if not os.path.isdir(path):
            errors.append(f"{entry['repo']}: no checkout at {path}")
            continue
        try:
            report = analyse(args.arch, path)
        except RuntimeError as e:
            errors.append(str(e))
            continue
        found = reported(report)
        row = {"repo": entry["repo"], "misses": [], "extras": []}
        for kind in ("style",) + KINDS:
            truth = set(entry["style"]["present"] if kind == "style" else entry.get(kind) or [])
            got = set(found.get(kind, []))
            tp, fp, fn = len(truth & got), len(got - truth), len(truth - got)
            totals[kind] = [a + b for a, b in zip(totals[kind], (tp, fp, fn))]
            row["misses"] += [f"{kind}:{i}" for i in sorted(truth - got)]
            row["extras"] += [f"{kind}:{i}" for i in sorted(got - truth)]
        top = found["style"][0] if found["style"] else None
        row["top"] = top
        row["top_label"] = entry["style"]["top"]
        row["top_ok"] = top == entry["style"]["top"]
        top_right += row["top_ok"]
        rows.append(row)

    combined = [sum(totals[k][i] for k in KINDS) for i in range(3)]
    out = []
    out.append("| repository | top style (label) | top style (arch) | missed | extra |")
    out.append("|---|---|---|---|---|")
    for r in rows:
        mark = "✓" if r["top_ok"] else "✗"
        out.append(f"| {r['repo']} | {r['top_label']} | {r['top'] or '-'} {mark} | "
                   f"{', '.join(r['misses']) or '-'} | {', '.join(r['extras']) or '-'} |")
    out.append("")
    out.append("| kind | TP | FP | FN | precision | recall | F1 |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for kind in ("style",) + KINDS:
        tp, fp, fn = totals[kind]
        p, r, f = prf(tp, fp, fn)
        out.append(f"| {kind} | {tp} | {fp} | {fn} | {p:.2f} | {r:.2f} | {f:.2f} |")
    tp, fp, fn = combined
    p, r, f = prf(tp, fp, fn)
    out.append(f"| **design + communication + data** | {tp} | {fp} | {fn} | **{p:.2f}** | **{r:.2f}** | **{f:.2f}** |")
    n = len(rows)
    out.append("")
    out.append(f"Top style right on {top_right} of {n} repositories ({(top_right / n if n else 0):.0%}).")
    print("\n".join(out))
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    return 1 if errors else 0


def fixtures(args):
    failures = 0
    checked = 0
    for name in sorted(os.listdir(args.dir)):
        path = os.path.join(args.dir, name)
        expected_path = os.path.join(path, "expected.yaml")
        if not os.path.isfile(expected_path):
            continue
        expected = yaml.safe_load(open(expected_path)) or {}
        report = analyse(args.arch, path)
        got = {f"{f['kind']}:{f['id']}" for f in report.get("findings", [])}
        missing = [i for i in expected.get("present", []) if i not in got]
        wrong = [i for i in expected.get("absent", []) if i in got]
        styles = [f["id"] for f in report.get("findings", []) if f["kind"] == "style"]
        top = styles[0] if styles else "-"
        wrong_top = "top" in expected and expected["top"] != top
        checked += 1
        if missing or wrong or wrong_top:
            failures += 1
            print(f"FAIL {name}: missing {missing or '-'}; reported but expected absent {wrong or '-'}"
                  + (f"; top style {top}, expected {expected['top']}" if wrong_top else ""))
        else:
            print(f"ok   {name}")
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures or checked == 0 else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("repos")
    r.add_argument("--labels", default="docs/accuracy/labels.yaml")
    r.add_argument("--checkouts", required=True)
    r.add_argument("--arch", default=default_arch())
    f = sub.add_parser("fixtures")
    f.add_argument("--dir", default="fixtures/detect")
    f.add_argument("--arch", default=default_arch())
    args = parser.parse_args()
    sys.exit(repos(args) if args.mode == "repos" else fixtures(args))


if __name__ == "__main__":
    main()
