#!/usr/bin/env bash
# Side-by-side benchmark of the Withus selection engine and the Sortition
# Foundation's `sortition-algorithms` on the same generated instances.
#
#   scripts/bench-selection/run.sh [INSTANCE...]
#
# INSTANCE is KIND/N/K/M[/ANCHOR_ALGO], e.g. hard/200/20/6/leximin. Without
# arguments the full set runs (well under an hour: each run is capped by
# BUDGET seconds for Withus and ANCHOR_TIMEOUT for the anchor).
# Results: one JSON line per run in $OUT/results.jsonl and a Markdown table
# in $OUT/results.md. Nothing here runs in tests or CI.
#
# Environment: BUDGET (Withus wall-clock budget, s), ANCHOR_TIMEOUT (s),
# ANCHOR=0 (Withus only: no anchor run and no virtual environment, e.g. for
# 20,000-person pools the anchor cannot handle), MODE=maximin (Withus stops
# after the first level; default full leximin), LP=simplex|microlp|highs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
OUT="${OUT:-$root/target/bench-selection}"
BUDGET="${BUDGET:-600}"
ANCHOR_TIMEOUT="${ANCHOR_TIMEOUT:-600}"
SEED="${SEED:-42}"
LP="${LP:-simplex}"            # simplex (built in, default), microlp, or highs (needs --features highs)
ANCHOR="${ANCHOR:-1}"
MODE="${MODE:-leximin}"
mkdir -p "$OUT"

# Throwaway venv with the anchor (and gurobipy's size-limited licence, which
# its leximin needs; pools beyond about 600 exceed that licence).
VENV="$OUT/venv"
if [ "$ANCHOR" != 0 ] && [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'sortition-algorithms[mip]==0.12.15' gurobipy
fi

features=cli
[ "$LP" = highs ] && features=cli,highs
( cd "$root" && cargo build -q --release -p withus-selection --features "$features" --example bench_select )
BENCH="${CARGO_TARGET_DIR:-$root/target}/release/examples/bench_select"

if [ "$#" -eq 0 ]; then
  set -- hard/200/20/6/leximin standard/200/20/6/leximin standard/1000/40/6/maximin \
         hard/1000/40/6/maximin hard/2000/110/8/maximin standard/2000/110/8/maximin \
         standard/5000/40/12/maximin hard/5000/110/12/maximin
fi

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
: > "$OUT/results.jsonl.new"
for spec in "$@"; do
  IFS=/ read -r kind n k m algo <<<"$spec"
  algo="${algo:-maximin}"
  name="$kind-$n-$k-m$m"
  dir="$OUT/instances/$name"
  python3 "$here/generate.py" "$kind" "$n" "$k" "$m" "$SEED" "$dir"
  echo "== $name" >&2
  line=$(timeout $((BUDGET + 120)) /usr/bin/time -o "$OUT/cpu" -f "%U %S %M" "$BENCH" "$dir/people.csv" "$dir/features.csv" "$k" "$BUDGET" "$MODE" auto "$LP" \
    || echo "{\"engine\": \"withus\", \"error\": \"crashed or timed out\"}")
  echo "$line" | python3 -c "import json,sys; d=json.load(sys.stdin); d['instance']='$name'; d['mode']='$MODE'; u,s,rss=open('$OUT/cpu').read().split()[-3:]; d['cpu_seconds']=float(u)+float(s); d['peak_rss_mb']=int(rss)/1024; d['load']=open('/proc/loadavg').read().split()[0]; print(json.dumps(d))" >> "$OUT/results.jsonl.new"
  [ "$ANCHOR" = 0 ] && continue
  start=$(date +%s.%N)
  if line=$(timeout "$ANCHOR_TIMEOUT" "$VENV/bin/python" "$here/anchor.py" "$dir/people.csv" "$dir/features.csv" "$k" "$algo" mip 2>"$OUT/anchor-$name.log" | tail -n 1); [ -n "$line" ]; then
    echo "$line" | python3 -c "import json,sys; d=json.load(sys.stdin); d['instance']='$name'; d['load']=open('/proc/loadavg').read().split()[0]; print(json.dumps(d))" >> "$OUT/results.jsonl.new"
  else
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    echo "{\"instance\": \"$name\", \"engine\": \"anchor-$algo-mip\", \"timeout\": true, \"wall_seconds\": $wall}" >> "$OUT/results.jsonl.new"
  fi
done
cat "$OUT/results.jsonl.new" >> "$OUT/results.jsonl"
python3 "$here/compare.py" "$OUT/results.jsonl.new" | tee "$OUT/results.md"
