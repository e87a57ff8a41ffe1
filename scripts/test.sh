#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Builds live outside the checkout so fresh clones on the same machine reuse them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/arch-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
# The encoder's verified weights (downloaded once into ~/.cache/arch/downloads): the
# embedding tests run on the real model, and tests never download anything themselves.
cargo build --locked
"$CARGO_TARGET_DIR/debug/arch" -q models fetch all-minilm-l6-v2
# A real PostgreSQL + pgvector on loopback for the knowledge-base tests, stopped on exit;
# or the server ARCH_TEST_POSTGRES names (postgres://user@host:port/db, pgvector installed).
if [[ -z "${ARCH_TEST_POSTGRES:-}" ]]; then
  ARCH_TEST_POSTGRES=$(bash scripts/postgres.sh start)
  trap 'bash scripts/postgres.sh stop' EXIT
fi
export ARCH_TEST_POSTGRES
cargo test --all-targets --locked
# Detection accuracy on the fixtures: every expected finding reported, no hard case fooled.
python3 scripts/accuracy.py fixtures --dir fixtures/detect --arch "$CARGO_TARGET_DIR/debug/arch"
