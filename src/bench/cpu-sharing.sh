#!/usr/bin/env bash
# Another client's latency while one run burns CPU on many workers: starts the packaged jar on PORT, times 15
# small POST /simulate calls idle, then while a parallel(64) run of 64 cpu tasks of 3 s runs, and prints the
# median and max of each. Loopback only; stops the app it started by its PID.
# Usage: src/bench/cpu-sharing.sh [port]      (default 18093; run ./mvnw -B -DskipTests package first)
set -euo pipefail
port=${1:-18093}
root=$(cd "$(dirname "$0")/../.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
dir=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
(cd "$dir" && exec env QUARKUS_HTTP_PORT="$port" "$java" -jar "$root/target/quarkus-app/quarkus-run.jar" >"$dir/app.log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.2; done
small='{"graph":{"tasks":[{"id":"a","kind":"io","ms":10}]},"scheduler":{"type":"event_loop"}}'
probe() {
  for _ in $(seq 15); do
    curl -s -o /dev/null -w '%{time_total}\n' -b "$dir/probe" -c "$dir/probe" -H 'Content-Type: application/json' \
      "http://127.0.0.1:$port/api/v1/simulate" -d "$small"
    sleep 0.1
  done | sort -n | awk '{ v[NR] = $1 } END { printf "median %.0f ms, max %.0f ms\n", v[8] * 1000, v[NR] * 1000 }'
}
probe >/dev/null
echo "idle:                 $(probe)"
tasks=$(python3 -c "import json; print(json.dumps([{'id': f't{i}', 'kind': 'cpu', 'ms': 3000} for i in range(64)]))")
curl -fs -o /dev/null -b "$dir/owner" -c "$dir/owner" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/runs" \
  -d "{\"graph\":{\"tasks\":$tasks},\"scheduler\":{\"type\":\"parallel\",\"workers\":64}}"
sleep 2
echo "during parallel(64):  $(probe)"
