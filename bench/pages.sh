#!/usr/bin/env bash
# Page benchmark: the real app (Release) on a fresh SQLite file with the demo data plus N extra assets (default 100,000),
# measured with wrk on loopback, in the shapes of the performance anchor (shared/research-performance.md §4):
# 5 s warm-up, 3 × `wrk -t2 -c64 -d15s --latency`, then one `wrk -t1 -c1 -d10s` run per endpoint.
# Usage: bench/pages.sh [extra-assets] [seconds-per-round]
# Needs: wrk, sqlite3, curl (Debian packages). Writes bench/results/pages-<date>.txt. Not a test: nothing here asserts.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
D=${2:-15}
PORT=5099
OUT=bench/results
mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT="$OUT/pages-$STAMP.txt"
WORK=$(mktemp -d /tmp/assetloan-bench.XXXXXX)
curl -s -o /dev/null "http://127.0.0.1:$PORT/" && { echo "port $PORT is already in use"; exit 1; }
for tool in wrk sqlite3 curl; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install $tool)"; exit 1; }; done

echo "publishing Release build..."
dotnet publish AssetLoan.Web -c Release -o "$WORK/app" >/dev/null

start_app() {
  # exec: the recorded pid is the app itself, so stop_app really stops it.
  (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$WORK/bench.db" Seed__Demo=true Seed__AllowOutsideDevelopment=true Auth__CookieSecure=SameAsRequest \
     DisableHttpsRedirection=true Logging__LogLevel__Default=Warning RateLimit__PublicPostsPerMinute=100000 BackgroundJobs__Enabled=false \
     dotnet AssetLoan.Web.dll --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1) &
  echo $! >"$WORK/pid"
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0; sleep 1; done
  echo "app did not start"; cat "$WORK/app.log"; exit 1
}
stop_app() { kill "$(cat "$WORK/pid")" 2>/dev/null || true; while kill -0 "$(cat "$WORK/pid")" 2>/dev/null; do sleep 0.5; done; }
trap 'kill "$(cat "$WORK/pid" 2>/dev/null)" 2>/dev/null || true' EXIT

start_app; stop_app
echo "adding $N assets..."
sqlite3 -bail "$WORK/bench.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N),
items(k, Id) AS (SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1, Id FROM CatalogueItems WHERE TrackingMode = 'Numbered'),
kinds(c) AS (SELECT COUNT(*) FROM items)
INSERT INTO Assets (CatalogueItemId, AssetNumber, Tag, SerialNumber, AcquiredOn, Price, DivisionId, Location, Condition, Status, Notes, RetiredAtUtc, RetiredReason, Version)
SELECT items.Id,
       printf('B%02d-%02d-%06d', i % 90 + 10, 60 + i % 10, i), printf('Z%07d', i), NULL, '2022-01-01', 1000000, 1, 'คลัง', 'ดี', 'Available', NULL, NULL, NULL,
       '00000000-0000-0000-0000-000000000001'
FROM n JOIN kinds JOIN items ON items.k = n.i % kinds.c;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
start_app

# Sign in as the supplies officer through the real form to get the auth cookie.
JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "__RequestVerificationToken=$TOKEN" \
  --data-urlencode "Input.Email=officer@maekhue.go.th" --data-urlencode "Input.Password=Demo#2569-maekhue" "http://127.0.0.1:$PORT/account/login"
COOKIE=$(awk '$6 ~ /AssetLoan/ {printf "%s=%s; ", $6, $7}' "$JAR")

# Every endpoint must answer 200 for the signed-in officer, or the numbers would measure redirects to the login page.
check_200() { code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$1"); [ "$code" = 200 ] || { echo "$1 answered $code, not 200"; exit 1; }; }

THAI=$(python3 -c 'import urllib.parse;print(urllib.parse.quote("เต็นท์"))')
ENDPOINTS=("/healthz" "/" "/catalogue" "/assets?q=490-64" "/assets?q=B10-6" "/assets?q=$THAI" "/assets")
for ep in "${ENDPOINTS[@]}"; do check_200 "$ep"; done
{
  echo "AssetLoan page benchmark $STAMP — $(nproc) cores, $N extra assets, wrk on the same machine"
  echo "commit $(git rev-parse --short HEAD)"
  for ep in "${ENDPOINTS[@]}"; do wrk -t2 -c64 -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$ep" >/dev/null; done
  for round in 1 2 3; do
    for ep in "${ENDPOINTS[@]}"; do
      r=$(wrk -t2 -c64 -d"${D}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$ep")
      printf 'c64 round %s %-28s %10s req/s  p50 %8s  p99 %8s  non2xx %s\n' "$round" "$ep" \
        "$(echo "$r" | awk '/Requests\/sec/ {print $2}')" "$(echo "$r" | awk '$1=="50%" {print $2}')" \
        "$(echo "$r" | awk '$1=="99%" {print $2}')" "$(echo "$r" | awk '/Non-2xx/ {print $4}')"
    done
  done
  for ep in "${ENDPOINTS[@]}"; do
    r=$(wrk -t1 -c1 -d10s --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$ep")
    printf 'c1 %-28s %10s req/s  p50 %8s  p99 %8s\n' "$ep" "$(echo "$r" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$r" | awk '$1=="50%" {print $2}')" "$(echo "$r" | awk '$1=="99%" {print $2}')"
  done
  echo "RSS after load: $(grep VmRSS /proc/"$(cat "$WORK/pid")"/status | awk '{print $2/1024 " MB"}'), peak $(grep VmHWM /proc/"$(cat "$WORK/pid")"/status | awk '{print $2/1024 " MB"}')"
} | tee "$REPORT"
stop_app
rm -rf "$WORK"
echo "report: $REPORT"
