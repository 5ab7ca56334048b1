#!/usr/bin/env bash
# Benchmark (not a test): renders 1,000-label sheets and loads GET /qr/{tag}.png over loopback with wrk.
# Results go to bench/results/<timestamp>/ (gitignored) and are printed. Usage: bench/labels.sh [labels] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
LABELS=${1:-1000}
SECONDS_PER_RUN=${2:-15}
PORT=${BENCH_PORT:-5185}
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "::: building (Release)"
dotnet build -c Release bench/LabelBench/LabelBench.csproj -v quiet -nologo | tail -n 2

echo "::: rendering $LABELS labels per template"
dotnet bench/LabelBench/bin/Release/net10.0/LabelBench.dll "$LABELS" 5 | tee "$OUT/labels.txt"

command -v wrk >/dev/null || { echo "wrk is not installed; skipping the HTTP part"; exit 0; }
DB=$(mktemp -d)/bench.db
echo "::: starting the app on 127.0.0.1:$PORT (Release, fresh SQLite with demo data)"
ASPNETCORE_ENVIRONMENT=Production DisableHttpsRedirection=true Seed__Demo=true Seed__AllowOutsideDevelopment=true Auth__CookieSecure=SameAsRequest \
  ConnectionStrings__Default="Data Source=$DB" Storage__UploadsPath="$(dirname "$DB")/uploads" DataProtection__KeysPath="$(dirname "$DB")/keys" \
  Logging__LogLevel__Default=Warning BackgroundJobs__Enabled=false \
  dotnet AssetLoan.Web/bin/Release/net10.0/AssetLoan.Web.dll --urls "http://127.0.0.1:$PORT" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$(dirname "$DB")"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the app did not start; see $OUT/app.log"; exit 1; }

TAGS=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/a/[A-Z0-9]*"' | sed 's#href="/a/##; s#"##' | sort -u | tr '\n' ' ')
[ -n "$TAGS" ] || { echo "no tags found on the home page"; exit 1; }
ETAG=$(curl -fsI "http://127.0.0.1:$PORT/qr/${TAGS%% *}.png" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
cat > "$OUT/qr.lua" <<LUA
local tags = {}
for t in string.gmatch("$TAGS", "%S+") do tags[#tags + 1] = t end
local i = 0
request = function()
  i = i % #tags + 1
  return wrk.format("GET", "/qr/" .. tags[i] .. ".png")
end
LUA

# The app's CPU time per request (from /proc), which a busy machine distorts far less than requests per second.
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
run() { # name, wrk arguments...
  local name=$1; shift
  local before; before=$(cpu_ticks)
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@" | tee "$OUT/$name.txt"
  local used=$(( $(cpu_ticks) - before ))
  local requests; requests=$(grep -Eo '^ *[0-9]+ requests' "$OUT/$name.txt" | grep -Eo '[0-9]+')
  awk -v t="$used" -v hz="$TICK" -v n="$requests" 'BEGIN { printf "server cpu: %.2f ms/request\n", t * 1000 / hz / n }' | tee -a "$OUT/$name.txt"
}

echo "::: GET /qr/{tag}.png (200, full image), ${SECONDS_PER_RUN}s, 2 threads, 32 connections"
run qr-png -s "$OUT/qr.lua" "http://127.0.0.1:$PORT"
echo "::: GET /qr/{tag}.png with If-None-Match (304), ${SECONDS_PER_RUN}s"
run qr-304 -H "If-None-Match: $ETAG" "http://127.0.0.1:$PORT/qr/${TAGS%% *}.png"
echo "::: baseline: GET /healthz (one SQLite query), ${SECONDS_PER_RUN}s"
run healthz "http://127.0.0.1:$PORT/healthz"

echo "::: summary ($OUT; load average before: $LOAD)"
cat "$OUT/labels.txt"
for f in qr-png qr-304 healthz; do
  printf '%-7s %s  %s  %s\n' "$f" "$(grep 'Requests/sec' "$OUT/$f.txt")" "$(grep -E '^\s+99%' "$OUT/$f.txt" | awk '{print "p99 " $2}')" "$(grep 'server cpu' "$OUT/$f.txt")"
done
