#!/usr/bin/env bash
# Start-up time of the packaged app: launches it as the README's start command does, polls /q/health/ready every
# 20 ms and prints the seconds from launch to the first 200, for RUNS runs each of
#   first  — a fresh clone's first start: a fresh working directory (embedded PostgreSQL binaries unpacked,
#            initdb, migrations) and no class-data archive yet (the JVM writes it when this run exits), and
#   warm   — a restart on the directory and archive the previous run left.
# The JVM flags are the README's (a dynamic AppCDS archive, JDK 19+), with the archive in each run's directory;
# JAVA_FLAGS replaces them (JAVA_FLAGS=" " launches with none, as a plain java -jar).
# Prints each time and the median of each. Loopback only; stops the app it started by its PID.
# Usage: src/bench/startup.sh [runs] [port]      (default 5, 18099; run ./mvnw -B -DskipTests package first)
set -euo pipefail
runs=${1:-5}
port=${2:-18099}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/target/quarkus-app/quarkus-run.jar"
readme_flags='-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=ARCHIVE'
read -r -a flags <<<"${JAVA_FLAGS:-$readme_flags}"
[ -f "$jar" ] || { echo "startup: no $jar; run ./mvnw -B -DskipTests package first" >&2; exit 1; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# One launch in directory $1: prints seconds to ready, then stops the app (SIGTERM, which stops its PostgreSQL).
launch() {
  local dir=$1 start now
  start=$(date +%s%N)
  local run_flags=("${flags[@]/ARCHIVE/$dir/app.jsa}")
  (cd "$dir" && exec env QUARKUS_HTTP_PORT="$port" "$java" ${run_flags[@]+"${run_flags[@]}"} -jar "$jar" >"$dir/app.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "startup: the app exited; see $dir/app.log" >&2; tail -20 "$dir/app.log" >&2; exit 1; }
    now=$(date +%s%N)
    [ $(( (now - start) / 1000000000 )) -lt 120 ] || { echo "startup: not ready after 120 s" >&2; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  awk -v ns=$((now - start)) 'BEGIN { printf "%.2f\n", ns / 1e9 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

first=() warm=()
for i in $(seq "$runs"); do
  dir="$work/run$i"; mkdir -p "$dir"
  first+=("$(launch "$dir")")
  warm+=("$(launch "$dir")")
  echo "run $i: first ${first[-1]} s, warm ${warm[-1]} s"
done
echo "first start (fresh directory): median $(printf '%s\n' "${first[@]}" | median) s of ${first[*]}"
echo "warm restart:                  median $(printf '%s\n' "${warm[@]}" | median) s of ${warm[*]}"
