#!/usr/bin/env bash
# Form submissions under load on the embedded database (SQLite), as a small DPO would run Withus:
#   1. 1,000 mixed form posts (joining a panel, password resets, failed sign-ins) from 8 clients at once;
#   2. a 20,000-row spreadsheet import with someone joining the panel again and again meanwhile,
#      measuring how long their final "join" post (a write) takes.
# Each starts `withus demo` on a fresh SQLite file. Prints one JSON line per scenario and counts
# "database is locked" in the server's log.
#
#   scripts/bench-forms/run.sh                     # debug build
#   WITHUS_BENCH_PROFILE=loadtest scripts/bench-forms/run.sh
#   TOTAL=1000 CLIENTS=8 ROWS=20000 DATABASE=postgres://… scripts/bench-forms/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scripts/build-assets >/dev/null
profile="${WITHUS_BENCH_PROFILE:-dev}"
if [ "$profile" = dev ]; then
  cargo build -p withus --bin withus
  bin="${CARGO_TARGET_DIR:-target}/debug/withus"
else
  cargo build --profile loadtest --target-dir target/loadtest -p withus --bin withus
  bin=target/loadtest/loadtest/withus
fi
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

run() { # run NAME ARGS...
  local name="$1"; shift
  local data="$work/$name"
  mkdir -p "$data"
  WITHUS_ADDR=127.0.0.1:0 WITHUS_DATA_DIR="$data" WITHUS_SECURE_COOKIES=false \
    DATABASE_URL="${DATABASE:-sqlite://$data/withus.db}" RUST_LOG=warn \
    "$bin" demo >"$data/server.log" 2>&1 &
  local pid=$! base=""
  for _ in $(seq 1 300); do
    base="$(grep -oE 'listening on http://[^ ]+' "$data/server.log" | head -n1 | sed 's/.*on //')" && [ -n "$base" ] && break
    sleep 0.2
  done
  [ -n "$base" ] || { echo "server did not start:"; cat "$data/server.log"; exit 1; }
  python3 scripts/bench-forms/drive.py "$base" "$@"
  echo "\"database is locked\" in the server log: $(grep -c 'database is locked' "$data/server.log" || true)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "Profile: $profile; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run mixed mixed "${TOTAL:-1000}" "${CLIENTS:-8}"
run import import "${ROWS:-20000}"
