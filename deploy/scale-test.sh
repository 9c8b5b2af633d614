#!/usr/bin/env bash
# Two instances, one database: checks that instance B streams live events of a run executing on A (in order, no
# gaps), that B can cancel A's run, and that when A is killed (SIGKILL) B marks A's run interrupted within the
# lease and still serves its saved events; and that a class's dashboard on A counts every answer given on B.
# Measures cross-instance event lag: for each seq, receipt time on a watcher of B minus receipt time on a watcher
# of A (both watchers on this machine, same clock).
#
# Builds nothing: expects a packaged app (./mvnw -B package -DskipTests). Needs Debian's postgresql-15, python3,
# curl, a JDK >= 21 (JAVA_HOME). Run as root (PostgreSQL runs as user postgres) or as a user who can run initdb.
# Env: APP_DIR (default target/quarkus-app), CHECKPOINT (interleave.runs.checkpoint, default the app's 1s),
# LEASE (interleave.cluster.lease, default 10s; give seconds, e.g. 10).
set -euo pipefail
cd "$(dirname "$0")/.."
APP_DIR=${APP_DIR:-target/quarkus-app}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
LEASE=${LEASE:-10}
HEARTBEAT=2
WS=$(pwd)/deploy/ws_watch.py
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "FAIL: no $APP_DIR/quarkus-run.jar (run ./mvnw -B package -DskipTests)"; exit 2; }

TMP=$(mktemp -d /tmp/interleave-scale.XXXXXX)
chmod 755 "$TMP"
PIDS=()
FAILS=()
fail() { FAILS+=("$1"); echo "  FAIL: $1"; }
ok() { echo "  ok: $1"; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---- PostgreSQL ----------------------------------------------------------------------------------------------
PG_PORT=$(free_port)
mkdir "$TMP/pg"; [ "$(id -u)" = 0 ] && chown postgres "$TMP/pg"
as_pg "$PG_BIN/initdb" -D "$TMP/pg" -U postgres --auth=trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg" -l "$TMP/pg/log" -w -o "-p $PG_PORT -k $TMP/pg -c listen_addresses=127.0.0.1" start >/dev/null
echo "postgres on 127.0.0.1:$PG_PORT"

# ---- Two app instances ---------------------------------------------------------------------------------------
start_app() { # name port -> PID in $APP_PID
  env QUARKUS_HTTP_PORT="$2" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/postgres" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    INTERLEAVE_CLUSTER_LEASE="${LEASE}s" INTERLEAVE_CLUSTER_HEARTBEAT="${HEARTBEAT}s" \
    ${CHECKPOINT:+INTERLEAVE_RUNS_CHECKPOINT=$CHECKPOINT} \
    "$JAVA" -Xmx256m -jar "$APP_DIR/quarkus-run.jar" >"$TMP/$1.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "FAIL: instance $1 did not start"; tail -30 "$TMP/$1.log"; exit 1
}
PORT_A=$(free_port); start_app A "$PORT_A"; PID_A=$APP_PID
PORT_B=$(free_port); start_app B "$PORT_B"; PID_B=$APP_PID
echo "instance A on :$PORT_A (pid $PID_A), B on :$PORT_B (pid $PID_B)"
A=http://127.0.0.1:$PORT_A/api/v1
B=http://127.0.0.1:$PORT_B/api/v1

TOKEN=$(curl -fs -X POST "$A/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $TOKEN")
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
chain_graph() { # tasks ms: one chain of io tasks
  python3 -c "import json; n,ms=$1,$2; print(json.dumps({'graph':{'name':'chain','tasks':[dict(id=f't{i}',kind='io',ms=ms,**({'after':[f't{i-1}']} if i else {})) for i in range(n)]},'scheduler':{'type':'event_loop'}}))"
}
create_run() { # base body -> id
  curl -fs "${auth[@]}" -H 'Content-Type: application/json' -X POST "$1/runs" -d "$2" | json_field '["id"]'
}
status_of() { curl -fs "${auth[@]}" "$1/runs/$2" | json_field '["status"]'; }

# ---- 1. Live events across instances: order, gaps, lag -------------------------------------------------------
echo "1. a run on A watched on A and on B"
RUN1=$(create_run "$A" "$(chain_graph 30 200)")
python3 "$WS" 127.0.0.1 "$PORT_A" "/ws/runs/$RUN1" "$TOKEN" "$TMP/w1a.json" 60 &
WA=$!
python3 "$WS" 127.0.0.1 "$PORT_B" "/ws/runs/$RUN1" "$TOKEN" "$TMP/w1b.json" 60 &
WB=$!
wait $WA $WB || true
LAG=$(python3 - "$TMP/w1a.json" "$TMP/w1b.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
problems = []
for name, w in (("A", a), ("B", b)):
    seqs = [s for s, _ in w["events"]]
    if seqs != list(range(len(seqs))) or not seqs:
        problems.append(f"watcher {name}: events out of order, missing or duplicated")
    if w["summary"] != "succeeded" or w["close"] != 1000:
        problems.append(f"watcher {name}: summary {w['summary']}, close {w['close']}")
if [s for s, _ in a["events"]] != [s for s, _ in b["events"]]:
    problems.append("watchers of A and B saw different events")
ta = dict(a["events"]); lags = sorted((t - ta[s]) * 1000 for s, t in b["events"] if s in ta)
def pct(p): return lags[min(len(lags) - 1, int(p / 100 * len(lags)))] if lags else float("nan")
print(json.dumps({"events": len(b["events"]), "median_ms": round(pct(50), 1), "p99_ms": round(pct(99), 1),
                  "max_ms": round(lags[-1], 1) if lags else None, "problems": problems}))
PY
)
echo "  $LAG"
if python3 -c "import json,sys; sys.exit(1 if json.loads(sys.argv[1])['problems'] else 0)" "$LAG"; then
  ok "B streamed every event of A's run in order, no gaps, then the summary"
else
  fail "cross-instance stream: $LAG"
fi

# ---- 2. Cancel from B ----------------------------------------------------------------------------------------
echo "2. a run on A cancelled from B"
RUN2=$(create_run "$A" "$(chain_graph 20 500)")
sleep 1.5
code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -X POST "$B/runs/$RUN2/cancel")
[ "$code" = 202 ] && ok "B accepted the cancel (202)" || fail "cancel on B answered $code"
st=""
for _ in $(seq 1 50); do st=$(status_of "$A" "$RUN2"); [ "$st" = cancelled ] && break; sleep 0.1; done
[ "$st" = cancelled ] && ok "A stopped the run: cancelled" || fail "run cancelled from B is $st on A"

# ---- 2b. A class across instances ---------------------------------------------------------------------------
echo "2b. a class on A: its teacher watches the dashboard on A while 50 students join and answer on B"
if CLASS_OUT=$("$JAVA" "$(dirname "$0")/../src/bench/ClassRoom.java" "http://127.0.0.1:$PORT_A" 50 "http://127.0.0.1:$PORT_B" 2>&1); then
  ok "every answer given on B saved once and counted on A's dashboard: $(echo "$CLASS_OUT" | grep -E 'lag|saved' | tr '\n' ' ')"
else
  fail "class across instances: $(echo "$CLASS_OUT" | tail -8 | tr '\n' ' ')"
fi

# ---- 3. SIGKILL of A mid-run ---------------------------------------------------------------------------------
echo "3. A killed (SIGKILL) during a run"
RUN3=$(create_run "$A" "$(chain_graph 30 500)")
python3 "$WS" 127.0.0.1 "$PORT_B" "/ws/runs/$RUN3" "$TOKEN" "$TMP/w3b.json" $((LEASE + 40)) &
W3=$!
sleep 3
kill -9 "$PID_A"
killed=$(date +%s.%N)
st=""
for _ in $(seq 1 $(( (LEASE + HEARTBEAT + 10) * 5 ))); do
  st=$(status_of "$B" "$RUN3"); [ "$st" = interrupted ] && break; sleep 0.2
done
elapsed=$(python3 -c "import time; print(round(time.time() - $killed, 1))")
limit=$((LEASE + HEARTBEAT + 2))
if [ "$st" = interrupted ] && python3 -c "import sys; sys.exit(0 if $elapsed <= $limit else 1)"; then
  ok "B marked A's run interrupted ${elapsed}s after the kill (lease ${LEASE}s, limit ${limit}s)"
else
  fail "A's run is '$st' on B ${elapsed}s after the kill (limit ${limit}s)"
fi
saved=$(curl -fs "${auth[@]}" "$B/runs/$RUN3/events" | json_field '["events"].__len__()')
[ "$saved" -gt 0 ] && ok "B serves the $saved events A saved before it died" || fail "no saved events on B"
wait $W3 || true
w3=$(python3 -c "import json; w=json.load(open('$TMP/w3b.json')); s=[e[0] for e in w['events']]; print(w['summary'], len(s), s==list(range(len(s))))")
[ "$w3" = "interrupted $saved True" ] && ok "B's live watcher got $saved ordered events and the interrupted summary" \
  || fail "B's watcher of the killed run: summary/events/ordered = $w3 (saved $saved)"

echo
if [ ${#FAILS[@]} -eq 0 ]; then
  echo "SCALE TEST PASS — cross-instance lag (B minus A receipt): $LAG"
else
  echo "SCALE TEST FAIL (${#FAILS[@]}): ${FAILS[*]}"
  echo "--- A log tail"; tail -20 "$TMP/A.log"; echo "--- B log tail"; tail -20 "$TMP/B.log"
  exit 1
fi
