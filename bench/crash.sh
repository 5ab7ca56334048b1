#!/usr/bin/env bash
# Crash safety (issue 11 §9). Not a test: nothing here runs in CI.
#
#   bench/crash.sh            CRASH_ROUNDS=20 by default
#
# Builds the app in Release, then bench/crash.py starts it on a fresh SQLite database with the demo data, files public
# applications from three client threads while the officer and the director check, approve and hand them over through the forms, and kills the app with SIGKILL at a random moment, ROUNDS times; after each
# kill it checks PRAGMA integrity_check, that every application and step the client saw acknowledged is stored, that the outbox lost no e-mail and wrote none twice, and (after the
# restart) that the auditor's /audit/verify finds the chain intact. Loopback only. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${CRASH_PORT:-52716}
WORK=$(mktemp -d /tmp/assetloan-crash.XXXXXX)
command -v python3 >/dev/null || { echo "missing python3"; exit 1; }
curl -s -o /dev/null "http://127.0.0.1:$PORT/" && { echo "port $PORT is already in use"; exit 1; }
echo "building Release..."
dotnet build AssetLoan.Web -c Release -o "$WORK/app" -v quiet -nologo >/dev/null
echo "work folder: $WORK"
python3 bench/crash.py "$WORK/app/AssetLoan.Web.dll" "$WORK/data" "$PORT"
