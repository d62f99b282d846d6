#!/usr/bin/env bash
# Run the case-store tests against a throwaway PostgreSQL cluster.
# The cluster runs as an unprivileged user (initdb refuses root), listens on
# 127.0.0.1 only, and is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  apt-get update -q && apt-get install -y -q postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
runner=clearair-pg
id "$runner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$runner"

work=$(mktemp -d /tmp/clearair-pg.XXXXXX)
chown "$runner" "$work"
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_runner() { su -s /bin/sh "$runner" -c "$*"; }
cleanup() { as_runner "$bindir/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

as_runner "$bindir/initdb -D $work/data -U postgres -A trust --no-sync" >/dev/null
as_runner "$bindir/pg_ctl -D $work/data -l $work/log -w -o \"-p $port -k $work -c listen_addresses=127.0.0.1\" start" >/dev/null
as_runner "$bindir/createdb -h 127.0.0.1 -p $port -U postgres clearair_test"

CLEARAIR_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/clearair_test" \
  HF_HUB_OFFLINE=1 "$PY" -m pytest -q tests/test_store.py
