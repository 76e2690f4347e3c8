#!/usr/bin/env bash
# Runs the whole test suite. Installs the system packages the integration tests
# start for real (redis-server, PostgreSQL, python3-grpcio, protoc, python3-cryptography)
# when they are missing and we are root.
set -uo pipefail
cd "$(dirname "$0")"
source tools/ensure-deps.sh
ensure_test_deps
dotnet build Bots.sln -c Release -nologo -clp:ErrorsOnly || exit 1
log=$(mktemp)
dotnet test Bots.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
echo "$(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
rm -f "$log"
exit "$status"
