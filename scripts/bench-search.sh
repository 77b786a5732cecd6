# The people-search scenario of scripts/bench-load (sourced by it: uses its start, stop, $bin, $work,
# $duration, $connections, $pg_admin and $people). For each database: start `withus demo --people N`,
# sign in as the demo facilitator, then drive the people list with one filter mix per wrk run.

facilitator="facilitator@northtown-dpf.example"
password="withus-demo-2026"

cat >"$work/search.lua" <<'LUA'
wrk.headers["Cookie"] = os.getenv("WRK_COOKIE")
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
LUA

sign_in() { # sign_in BASE; prints the Cookie header value of a signed-in session
  local headers csrf session
  headers="$(curl -s -D - -o /dev/null "$1/sign-in")"
  csrf="$(grep -oiE 'set-cookie: [a-z_-]*withus_csrf=[^;]+' <<<"$headers" | head -n1 | sed 's/^[^=]*=//')"
  local name
  name="$(grep -oiE 'set-cookie: [a-z_-]*withus_csrf' <<<"$headers" | head -n1 | sed 's/^set-cookie: //I')"
  headers="$(curl -s -D - -o /dev/null -H "Cookie: $name=$csrf" \
    --data-urlencode "email=$facilitator" --data-urlencode "password=$password" \
    --data-urlencode "csrf_token=$csrf" "$1/sign-in")"
  session="$(grep -oiE 'set-cookie: [a-z_-]*withus_session=[^;]+' <<<"$headers" | head -n1 | sed 's/^set-cookie: //I')"
  [ -n "$session" ] || { echo "could not sign in as $facilitator" >&2; exit 1; }
  printf '%s; %s=%s' "$session" "$name" "$csrf"
}

search_rows() { # search_rows DATABASE-LABEL
  local cookie org panel
  cookie="$(sign_in "$base")"
  org="$(curl -s -H "Cookie: $cookie" "$base/" | grep -oE '/organisations/[0-9a-f-]{36}' | head -n1 | sed 's|.*/||')"
  panel="$(curl -s -H "Cookie: $cookie" "$base/organisations/$org/panels" | grep -oE 'people\?panel=[0-9a-f-]{36}' | head -n1 | sed 's/.*=//')"
  local total
  total="$(curl -s -H "Cookie: $cookie" "$base/organisations/$org/people" | grep -oE '[0-9]+ people' | head -n1)"
  echo "<!-- $1: $total listed for the facilitator -->"
  local label query
  while IFS='|' read -r label query; do
    local url="$base/organisations/$org/people$query"
    local status
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")"
    [ "$status" = 200 ] || { echo "$label: HTTP $status for $url" >&2; exit 1; }
    local out
    out="$(WRK_COOKIE="$cookie" wrk -t1 -c"$connections" -d"${duration}s" -s "$work/search.lua" "$url" | grep '^RESULT')"
    read -r _ rps p50 p95 p99 errors <<<"$out"
    printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s |\n' "$1" "$label" "$rps" "$p50" "$p95" "$p99" "$errors"
  done <<EOF
No filter, page 1|
Text search "smith"|?q=smith
Panel and status|?panel=$panel&status=active
Topic and region|?topic=transport&region=TLC
Monitoring answer|?monitoring=ethnic_group%3Aasian_pakistani
Page 50|?page=50
Taken part 3 times or more|?times_involved=3_or_more
Everything at once|?q=a&panel=$panel&status=active&topic=health_services&region=TLC&last_involved=within_6_months&monitoring=sex%3Afemale
EOF
}

echo "Profile: $profile; $(nproc) cores; load average before the run: $(cut -d" " -f1-3 /proc/loadavg); wrk -t1 -c$connections -d${duration}s; $people generated people"
echo

# SQLite
WAIT_TENTHS=6000 start "$work/sqlite.log" env WITHUS_ADDR=127.0.0.1:0 WITHUS_DATA_DIR="$work/sqlite" "$bin/withus" demo --people "$people"
echo "<!-- SQLite: $(grep -oE 'Generated [0-9]+ more people in [0-9.]+ s' "$work/sqlite.log") -->"
echo
echo "| Database | Filters | Requests/s | p50 | p95 | p99 | Non-2xx |"
echo "|---|---|---|---|---|---|---|"
search_rows SQLite
stop

# PostgreSQL
db="withus_bench_$(date +%s)"
psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
pg_url="${pg_admin%/postgres}/$db"
WAIT_TENTHS=6000 start "$work/pg.log" env WITHUS_ADDR=127.0.0.1:0 WITHUS_DATA_DIR="$work/pg" DATABASE_URL="$pg_url" \
  WITHUS_ENCRYPTION_KEYS="$("$bin/withus" keys generate)" "$bin/withus" demo --people "$people"
search_rows PostgreSQL
echo
echo "<!-- PostgreSQL: $(grep -oE 'Generated [0-9]+ more people in [0-9.]+ s' "$work/pg.log") -->"
stop
psql "$pg_admin" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
