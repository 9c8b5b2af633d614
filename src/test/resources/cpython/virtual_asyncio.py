#!/usr/bin/env python3
"""Runs task graphs as their "natural program" on CPython's real asyncio event loop, in virtual time.

Input (stdin): a JSON array of graphs, each {"tasks": [{"id", "kind", "ms", "after": [...]}, ...]}.
Output (stdout): one JSON object per graph and line, in input order:
  {"makespan": ms, "tasks": [{"id", "started", "start", "due", "callback", "resumed", "end"}, ...],
   "trace": ["started:a", "start:a", "callback:a", "resumed:a", "end:a", ...]}
with times in milliseconds since the loop started (null where a time does not apply). started: the task's first
step; start: its dependencies are done and its work starts (the timer is armed, or sleep(0) yields); due: its
timer's `when`; callback: the loop ran the timer's callback; resumed: the task resumed after its sleep; end: it
returned. The trace lists those moments (all but due) in the order they happened.

The natural program: every task is a coroutine created with create_task in declaration order; its body awaits
each dependency task in "after" order, then
  io          -> await asyncio.sleep(ms)       (ms 0 is sleep(0): one bare yield, no timer)
  cpu         -> holds the loop for ms         (advances the virtual clock without yielding)
  blocking_io -> holds the loop for ms         (the same, as time.sleep would)
and returns.

Only the clock is replaced. Scheduling is CPython's own code: BaseEventLoop._run_once, call_at/call_later,
asyncio.sleep, Task.__step/__wakeup and Future callbacks, unchanged. The clock counts MILLISECONDS, so
sleep(ms) is called with ms (not ms / 1000) and integer durations stay exact floats.
"""
import asyncio
import heapq
import json
import selectors
import sys


class VirtualSelector(selectors.SelectSelector):
    """A selector that never waits: select(timeout) moves the virtual clock forward by timeout instead."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("the loop would wait forever: no ready callbacks and no timers")
        if timeout > 0:
            self.now += timeout
        return []


class SequencedTimerHandle(asyncio.TimerHandle):
    """A TimerHandle ordered by (when, arming order), which records when the loop ran its callback.

    Real CPython breaks equal deadlines by arming order only because loop.time() moves a little between two
    call_at calls, so no two real deadlines are equal. Under a frozen virtual clock many deadlines ARE equal,
    and heapq, which compares only `when`, does not keep them in arming order. Comparing (when, seq) makes the
    order real CPython would show explicit.
    """

    def __init__(self, when, seq, task_id, callback, args, loop, context):
        super().__init__(when, callback, args, loop, context)
        self.seq = seq
        self.task_id = task_id

    def __lt__(self, other):
        return (self._when, self.seq) < (other._when, other.seq)

    def __le__(self, other):
        return (self._when, self.seq) <= (other._when, other.seq)

    def __gt__(self, other):
        return (self._when, self.seq) > (other._when, other.seq)

    def __ge__(self, other):
        return (self._when, self.seq) >= (other._when, other.seq)

    def _run(self):
        self._loop.record(self.task_id, "callback", self._loop.time())
        super()._run()


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """CPython's selector event loop with time() read from the virtual selector's clock."""

    def __init__(self):
        self.vselector = VirtualSelector()
        super().__init__(selector=self.vselector)
        # _run_once treats a timer as due when when < time() + _clock_resolution. The real resolution of the
        # monotonic clock is 1 ns; in milliseconds that is 1e-6. (0 would never fire a timer due exactly now.)
        self._clock_resolution = 1e-6
        self.timer_seq = 0
        self.times = {}
        # The order in which things happened, as "what:task"; with equal times it still tells hops apart.
        self.trace = []

    def time(self):
        return self.vselector.now

    def hold(self, ms):
        """cpu / blocking_io: the coroutine keeps the loop while virtual time passes."""
        self.vselector.now += ms

    def record(self, task_id, what, value):
        self.times.setdefault(task_id, {})[what] = value
        if what != "due":
            self.trace.append(what + ":" + task_id)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        current = asyncio.current_task(self)
        task_id = current.get_name() if current is not None else None
        timer = SequencedTimerHandle(when, self.timer_seq, task_id, callback, args, self, context)
        self.timer_seq += 1
        if task_id is not None:
            self.record(task_id, "due", when)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


async def natural_task(loop, spec, tasks):
    task_id = spec["id"]
    loop.record(task_id, "started", loop.time())
    for dep in spec.get("after", []):
        await tasks[dep]
    ms = spec["ms"]
    loop.record(task_id, "start", loop.time())
    if spec["kind"] == "io":
        await asyncio.sleep(ms)
        loop.record(task_id, "resumed", loop.time())
    else:
        loop.hold(ms)
    loop.record(task_id, "end", loop.time())


def run_graph(graph):
    loop = VirtualTimeLoop()
    try:
        tasks = {}
        for spec in graph["tasks"]:
            # Created before the loop runs, in declaration order: each first step is queued in that order, as
            # create_task calls made one after another by a main coroutine would queue them.
            tasks[spec["id"]] = loop.create_task(natural_task(loop, spec, tasks), name=spec["id"])
        loop.run_until_complete(asyncio.gather(*tasks.values()))
        out = []
        for spec in graph["tasks"]:
            t = loop.times[spec["id"]]
            out.append({"id": spec["id"], "started": t["started"], "start": t["start"], "due": t.get("due"),
                        "callback": t.get("callback"), "resumed": t.get("resumed"), "end": t["end"]})
        return {"makespan": max(t["end"] for t in out), "tasks": out, "trace": loop.trace}
    finally:
        loop.close()


def main():
    graphs = json.load(sys.stdin)
    for graph in graphs:
        print(json.dumps(run_graph(graph)))


if __name__ == "__main__":
    main()
