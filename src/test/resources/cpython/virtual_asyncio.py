#!/usr/bin/env python3
"""Runs task graphs as their "natural program" on CPython's real asyncio event loop, in virtual time.

Input (stdin): a JSON array of graphs, each {"tasks": [{"id", "kind", "ms", "after": [...], "limit", "offload"}, ...],
"limits": {name: value}, "executor_threads": n} (limits, limit, offload and executor_threads are optional).
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
and returns. A task with a limit runs its work inside `async with semaphores[limit]:` (asyncio.Semaphore); an
offloaded task's work is `await asyncio.to_thread(...)` on the loop's default executor.

Offloaded work needs threads, which a virtual clock cannot run. VirtualExecutor, a ThreadPoolExecutor subclass
installed as the default executor, replays CPython 3.11's pool bookkeeping in virtual time (lazy thread creation,
the _idle_semaphore, the SimpleQueue and its lock handed to the first blocked getter) and delivers a finished job
as a worker thread does: concurrent Future.set_result -> _call_set_state -> call_soon_threadsafe, which writes a
real byte to the self-pipe that the selector then reports. The GIL rule: a worker that needs the GIL gets it as
soon as the loop thread blocks (select with a timeout, a blocking time.sleep, Thread.start of a new worker), or,
while the loop burns cpu, at its request + 5 ms (every waiting worker rides along). An offloaded cpu job holds the
GIL for its whole duration.

Only the clock is replaced. Scheduling is CPython's own code: BaseEventLoop._run_once, call_at/call_later,
asyncio.sleep, Task.__step/__wakeup and Future callbacks, unchanged. The clock counts MILLISECONDS, so
sleep(ms) is called with ms (not ms / 1000) and integer durations stay exact floats.
"""
import asyncio
import collections
import concurrent.futures
import heapq
import json
import selectors
import sys

SWITCH_INTERVAL = 5.0  # ms: CPython's default sys.getswitchinterval()


class VirtualSelector(selectors.SelectSelector):
    """A selector that never waits: select(timeout) moves the virtual clock forward by timeout instead."""

    def __init__(self):
        super().__init__()
        self.now = 0.0
        self.executor = None

    def select(self, timeout=None):
        if self.executor is None or (timeout is not None and timeout <= 0):
            if timeout is None:
                raise RuntimeError("the loop would wait forever: no ready callbacks and no timers")
            if timeout > 0:
                self.now += timeout
        else:
            self.executor.blocked_until(None if timeout is None else self.now + timeout)
        # The self-pipe is real: report it readable if a worker wrote it.
        return super().select(0)


class VirtualExecutor(concurrent.futures.ThreadPoolExecutor):
    """The default executor in virtual time; see the module docstring. Jobs are (task_id, kind, ms)."""

    def __init__(self, loop, max_workers):
        super().__init__(max_workers=max_workers)
        self.loop = loop
        self.clock = loop.vselector
        self.max_threads = max_workers
        self.threads = 0
        self.idle = 0  # _idle_semaphore
        self.items = collections.deque()  # SimpleQueue items: (future, job)
        self.lock_held = False
        self.locked = False
        self.blocked_getters = collections.deque()
        self.gil_waiters = collections.deque()  # (thread, step)
        self.requested = {}
        self.current = {}  # thread -> (future, job, end) while it has a job
        self.reporting = set()

    def submit(self, fn, /, *args, **kwargs):
        # to_thread(run_job, task_id, kind, ms) arrives as partial(ctx.run, run_job, task_id, kind, ms)
        job = fn.args[1:]
        future = concurrent.futures.Future()
        self.items.append((future, job))
        if self.locked:
            self.locked = False
            self.release_queue_lock()
        if self.idle > 0:
            self.idle -= 1
        elif self.threads < self.max_threads:
            thread = self.threads
            self.threads += 1
            self.want_gil(thread, "new")
            self.drain()  # Thread.start() blocks the loop until the new thread ran
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def busy(self):
        return bool(self.items or self.gil_waiters or self.current)

    def want_gil(self, thread, step):
        self.requested[thread] = self.clock.now
        self.gil_waiters.append((thread, step))

    def release_queue_lock(self):
        if self.blocked_getters:
            self.want_gil(self.blocked_getters.popleft(), "wake")
        else:
            self.lock_held = False

    def drain(self):
        while self.gil_waiters:
            thread, step = self.gil_waiters.popleft()
            if step == "wake":
                self.locked = True
            elif step == "report":
                self.report(thread)
            self.get(thread)

    def get(self, thread):
        while True:
            if self.items:
                future, job = self.items.popleft()
                if self.locked:
                    self.release_queue_lock()
                    self.locked = False
                if self.start_job(thread, future, job):
                    return
                self.report(thread)
                continue
            if not self.lock_held:
                self.lock_held = True
                self.locked = True
                continue
            self.blocked_getters.append(thread)
            return

    def start_job(self, thread, future, job):
        task_id, kind, ms = job
        self.loop.record(task_id, "start", self.clock.now)
        if kind == "cpu":
            self.clock.now += ms  # holds the GIL: nothing else runs meanwhile
            self.current[thread] = (future, job, self.clock.now)
            return False
        self.current[thread] = (future, job, self.clock.now + ms)
        return ms > 0  # time.sleep(0) keeps the GIL

    def report(self, thread):
        future, job, end = self.current.pop(thread)
        self.reporting.discard(thread)
        self.loop.record(job[0], "due", end)
        self.loop.pending_callbacks[future] = job[0]
        future.set_result(None)  # -> _call_set_state -> call_soon_threadsafe(_set_state): a byte on the pipe
        self.idle += 1

    def next_job_end(self):
        ends = [end for thread, (_, _, end) in self.current.items() if thread not in self.reporting]
        return min(ends) if ends else None

    def end_jobs_up_to(self, t):
        while True:
            due = [(end, thread) for thread, (_, _, end) in self.current.items()
                   if thread not in self.reporting and end <= t]
            if not due:
                return
            end, thread = min(due)
            self.reporting.add(thread)
            self.requested[thread] = end
            self.gil_waiters.append((thread, "report"))

    def next_switch(self):
        if not self.gil_waiters:
            return None
        return max(self.requested[self.gil_waiters[0][0]] + SWITCH_INTERVAL, self.clock.now)

    def pipe_written(self):
        return bool(self.loop.written)

    def blocked_until(self, deadline):
        """The loop is in select until `deadline` (None: forever) or until a worker writes the self-pipe."""
        self.end_jobs_up_to(self.clock.now)
        self.drain()
        while not self.pipe_written():
            nxt = self.next_job_end()
            if nxt is None or (deadline is not None and nxt > deadline):
                if deadline is None:
                    raise RuntimeError("the loop would wait forever: nothing ready, due or running")
                self.clock.now = max(self.clock.now, deadline)
                return
            self.clock.now = max(self.clock.now, nxt)
            self.end_jobs_up_to(nxt)
            self.drain()

    def hold(self, kind, ms):
        """The loop thread holds itself for ms: a blocking sleep releases the GIL, cpu keeps it."""
        self.end_jobs_up_to(self.clock.now)
        end = self.clock.now + ms
        if kind == "blocking_io" and ms > 0:
            self.drain()
            nxt = self.next_job_end()
            while nxt is not None and nxt <= end:
                self.clock.now = max(self.clock.now, nxt)
                self.end_jobs_up_to(nxt)
                self.drain()
                nxt = self.next_job_end()
            self.clock.now = max(self.clock.now, end)
            return
        remaining = ms
        while True:
            now = self.clock.now
            candidates = [t for t in (self.next_job_end(), self.next_switch()) if t is not None]
            nxt = max(now, min(candidates)) if candidates else None
            if nxt is None or nxt >= now + remaining:
                break
            self.clock.now = nxt
            remaining -= nxt - now
            job_end = self.next_job_end()
            if job_end is not None and nxt >= job_end:
                self.end_jobs_up_to(nxt)
            else:
                self.drain()
        self.clock.now += remaining


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
        self.pending_callbacks = {}  # concurrent future -> task id, until its _set_state runs
        self.written = 0
        # The order in which things happened, as "what:task"; with equal times it still tells hops apart.
        self.trace = []

    def time(self):
        return self.vselector.now

    def hold(self, kind, ms):
        """cpu / blocking_io: the coroutine keeps the loop while virtual time passes."""
        if self.vselector.executor is None:
            self.vselector.now += ms
        else:
            self.vselector.executor.hold(kind, ms)

    def call_soon_threadsafe(self, callback, *args, context=None):
        if getattr(callback, "__name__", "") == "_set_state":
            task_id = self.pending_callbacks.pop(args[1])
            original = callback

            def callback(*a):
                self.record(task_id, "callback", self.time())
                return original(*a)
        self.written += 1
        return super().call_soon_threadsafe(callback, *args, context=context)

    def _read_from_self(self):
        self.written = 0
        return super()._read_from_self()

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


def run_job(task_id, kind, ms):
    raise AssertionError("a virtual executor never runs its jobs")


async def work(loop, spec):
    task_id, kind, ms = spec["id"], spec["kind"], spec["ms"]
    if spec.get("offload"):
        await asyncio.to_thread(run_job, task_id, kind, ms)
        loop.record(task_id, "resumed", loop.time())
        return
    loop.record(task_id, "start", loop.time())
    if kind == "io":
        await asyncio.sleep(ms)
        loop.record(task_id, "resumed", loop.time())
    else:
        loop.hold(kind, ms)


async def natural_task(loop, spec, tasks, semaphores):
    task_id = spec["id"]
    loop.record(task_id, "started", loop.time())
    for dep in spec.get("after", []):
        await tasks[dep]
    if spec.get("limit") is not None:
        async with semaphores[spec["limit"]]:
            await work(loop, spec)
    else:
        await work(loop, spec)
    loop.record(task_id, "end", loop.time())


def run_graph(graph):
    loop = VirtualTimeLoop()
    try:
        if any(spec.get("offload") for spec in graph["tasks"]):
            loop.vselector.executor = VirtualExecutor(loop, graph.get("executor_threads", 8))
            loop.set_default_executor(loop.vselector.executor)
        semaphores = {name: asyncio.Semaphore(value) for name, value in graph.get("limits", {}).items()}
        tasks = {}
        for spec in graph["tasks"]:
            # Created before the loop runs, in declaration order: each first step is queued in that order, as
            # create_task calls made one after another by a main coroutine would queue them.
            tasks[spec["id"]] = loop.create_task(natural_task(loop, spec, tasks, semaphores), name=spec["id"])
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
