#!/usr/bin/env bash
# Installs what `arch` needs on a Debian/Ubuntu machine, then builds and installs the
# binary into ~/.cargo/bin. `--deps-only` stops after the system packages (CI uses it).
set -euo pipefail

deps_only=false
[[ "${1:-}" == "--deps-only" ]] && deps_only=true

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

# A C compiler for the tree-sitter grammars, git for `--changed-since`-style workflows.
need=()
command -v cc >/dev/null 2>&1 || need+=(build-essential)
command -v git >/dev/null 2>&1 || need+=(git)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v curl >/dev/null 2>&1 || need+=(curl ca-certificates)
# libtorch 1.13 for the MiniLM encoder (rust-bert / tch 0.10); .cargo/config.toml points at it.
dpkg -s libtorch-dev >/dev/null 2>&1 || need+=(libtorch-dev)
# libtorch uses whatever libblas.so.3 is installed; Debian's default is the reference BLAS,
# 17x slower for the encoder than OpenBLAS (docs/BENCHMARKS.md).
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || need+=(libopenblas0-pthread)
# The accuracy script (scripts/accuracy.py) reads its labels with PyYAML; models are fetched with pip.
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
python3 -c 'import yaml' >/dev/null 2>&1 || need+=(python3 python3-yaml)
if ((${#need[@]})); then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

# Rust 1.90 or newer (Debian's own rustc is too old for tree-sitter 0.25).
if ! command -v cargo >/dev/null 2>&1; then
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
  # shellcheck disable=SC1091
  source "$HOME/.cargo/env"
fi

$deps_only && exit 0

cd "$(dirname "$0")/.."
cargo install --path . --locked
echo "installed: $(command -v arch || echo "$HOME/.cargo/bin/arch") ($(arch --version 2>/dev/null || true))"
