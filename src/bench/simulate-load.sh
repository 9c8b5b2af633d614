#!/usr/bin/env bash
# POST /api/v1/simulate load for a 100-task graph with wrk (Debian package `wrk`), against a running app on
# loopback. Usage: src/bench/simulate-load.sh [base-url] [seconds]   (default http://127.0.0.1:8080, 20)
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
seconds=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, random, sys
random.seed(7)
tasks = []
for i in range(100):
    deps = [f"t{j}" for j in random.sample(range(i), 2)] if i > 5 else []
    tasks.append({"id": f"t{i}", "kind": random.choice(["io", "cpu", "blocking_io"]), "ms": random.randint(1, 100),
                  "after": deps})
body = json.dumps({"graph": {"name": "bench", "tasks": tasks}, "scheduler": {"type": "event_loop"}})
open(sys.argv[1] + "/body.json", "w").write(body)
PY
# One identity for all requests (else each gets a new anonymous owner cookie).
curl -s -o /dev/null -c "$work/jar" -H 'Content-Type: application/json' --data @"$work/body.json" "$base/api/v1/simulate?events=true"
cookie=$(awk '/interleave_owner/ {print $7}' "$work/jar")
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "interleave_owner=$cookie"
local f = io.open("$work/body.json"); wrk.body = f:read("*a"); f:close()
LUA
wrk -t2 -c16 -d10s -s "$work/post.lua" "$base/api/v1/simulate?events=true" > /dev/null   # warm-up (JIT)
wrk -t2 -c16 -d"${seconds}s" -s "$work/post.lua" "$base/api/v1/simulate?events=true"
