#!/usr/bin/env bash
# Long differential sweep of the selection engine: generated pools of both
# kinds (tests/common/pool.rs, the shapes of generate.py), each lottery
# checked against its own certificate as the test suite's sweep does
# (tests/sweep.rs): valid panels, probabilities summing to k, the minimum at
# the proven level 0, the sorted vector meeting every proven level, and
# "complete" only with every level proven and the gap within the tolerance.
#
#   scripts/bench-selection/sweep.sh [COUNT SEED N_MIN N_MAX K_MIN K_MAX M_MIN M_MAX]
#
# Defaults: 1000 instances from seed 1, 60–1000 people, panels of 5–40,
# 4–9 features. Environment: BUDGET (seconds per instance, default 60),
# OUT (default target/bench-selection), SWEEP_VERBOSE=1 (one line per
# instance). Prints one line per failing or incomplete instance and a
# summary; the output is kept in $OUT/sweep-SEED.txt. Nothing here runs in
# tests or CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
OUT="${OUT:-$root/target/bench-selection}"
BUDGET="${BUDGET:-60}"
COUNT="${1:-1000}" SEED="${2:-1}"
N_MIN="${3:-60}" N_MAX="${4:-1000}" K_MIN="${5:-5}" K_MAX="${6:-40}" M_MIN="${7:-4}" M_MAX="${8:-9}"
mkdir -p "$OUT"
( cd "$root" && cargo build -q --release -p withus-selection --example sweep_select )
SWEEP="${CARGO_TARGET_DIR:-$root/target}/release/examples/sweep_select"
"$SWEEP" "$COUNT" "$SEED" "$N_MIN" "$N_MAX" "$K_MIN" "$K_MAX" "$M_MIN" "$M_MAX" "$BUDGET" \
  | tee "$OUT/sweep-$SEED.txt"
