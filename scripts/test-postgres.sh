#!/usr/bin/env bash
# Run the case-store tests against a throwaway PostgreSQL cluster.
# The cluster runs as the calling user, or as an unprivileged one when called
# by root (initdb refuses root); it listens on
# 127.0.0.1 only, and is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed; install Debian's postgresql package (or run as root to have it installed)" >&2
    exit 1
  fi
  apt-get update -q && apt-get install -y -q postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/clearair-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses root: run the cluster as an unprivileged system user.
  runner=clearair-pg
  id "$runner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$runner"
  chown "$runner" "$work"
  as_runner() { su -s /bin/sh "$runner" -c "$*"; }
else
  as_runner() { sh -c "$*"; }
fi
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cleanup() { as_runner "$bindir/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

as_runner "$bindir/initdb -D $work/data -U postgres -A trust --no-sync" >/dev/null
as_runner "$bindir/pg_ctl -D $work/data -l $work/log -w -o \"-p $port -k $work -c listen_addresses=127.0.0.1\" start" >/dev/null
as_runner "$bindir/createdb -h 127.0.0.1 -p $port -U postgres clearair_test"

CLEARAIR_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/clearair_test" \
  HF_HUB_OFFLINE=1 "$PY" -m pytest -q tests/test_store.py tests/test_store_totals.py
