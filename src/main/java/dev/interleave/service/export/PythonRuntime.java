package dev.interleave.service.export;

/**
 * The fixed parts of an exported Python script: timing, CPU work and the report. Only this exporter's own code
 * lives here; user text never does (see {@link PythonSource}).
 */
final class PythonRuntime {

    private PythonRuntime() {}

    /** State and helpers every script shares; GRAPH and SCHEDULER are defined just before this block. */
    static final String COMMON = """
            TASKS = GRAPH["tasks"]
            START_MS = [None] * len(TASKS)  # per task (declaration order): when its work started
            END_MS = [None] * len(TASKS)  # ... and when it finished, in ms since the run started
            LANE = [None] * len(TASKS)  # which thread / worker slot ran it
            ORDER = []  # task indices in the order their work started
            T0 = time.perf_counter()  # reset when the run starts


            def now_ms():
                \"""Milliseconds since the run started.\"""
                return (time.perf_counter() - T0) * 1000


            def burn_cpu(ms):
                \"""Real computation (SHA-256 hashing) until this thread has used `ms` milliseconds of CPU time.\"""
                until = time.thread_time() + ms / 1000
                digest = b"interleave"
                while time.thread_time() < until:
                    for _ in range(50):
                        digest = hashlib.sha256(digest).digest()
                return digest


            def started(index, lane=0):
                START_MS[index] = now_ms()
                LANE[index] = lane
                ORDER.append(index)


            def finished(index):
                END_MS[index] = now_ms()


            def one_line(text, width):
                \"""User text made safe for one table cell of a terminal: printable characters only (no escape
                sequences, control or bidi characters, line breaks), bounded width.\"""
                printable = "".join(c if c.isprintable() else " " for c in str(text or ""))
                return " ".join(printable.split())[:width]


            def report():
                \"""Prints a table, then the machine-readable result as the last line.\"""
                sys.stdout.reconfigure(errors="backslashreplace")
                makespan = max([end for end in END_MS if end is not None], default=0.0)
                print(f"{'task':<20} {'kind':<11} {'ms':>8} {'lane':>4} {'start ms':>9} {'end ms':>9}  label")
                for i, task in enumerate(TASKS):
                    start = "-" if START_MS[i] is None else f"{START_MS[i]:.1f}"
                    end = "-" if END_MS[i] is None else f"{END_MS[i]:.1f}"
                    print(f"{one_line(task['id'], 20):<20} {task['kind']:<11} {task['ms']:>8} {LANE[i]!s:>4} "
                          f"{start:>9} {end:>9}  {one_line(task.get('label'), 40)}")
                print(f"makespan {makespan:.1f} ms ({SCHEDULER['type']})")
                result = {
                    "graph": GRAPH.get("name"),
                    "scheduler": SCHEDULER,
                    "makespanMs": makespan,
                    "order": [TASKS[i]["id"] for i in ORDER],
                    "tasks": [{"id": task["id"], "kind": task["kind"], "label": task.get("label"), "lane": LANE[i],
                               "startMs": START_MS[i], "endMs": END_MS[i]} for i, task in enumerate(TASKS)],
                }
                print("INTERLEAVE_RESULT " + json.dumps(result))
            """;

    static final String SEQUENTIAL_RUNNER = """
            def run(index, work):
                \"""A plain call, timed.\"""
                started(index)
                work()
                finished(index)
            """;

    /** Parallel: the coordinator's list scheduling, matching the engine's rule (see the script's comments). */
    static final String PARALLEL_RUNNER = """
            SEMAPHORES = []  # in each worker process: a multiprocessing.Semaphore per entry of GRAPH["limits"]


            def init_worker(semaphores):
                SEMAPHORES.extend(semaphores)


            def run_in_worker(index):
                \"""Runs in a worker process; perf_counter is the system-wide monotonic clock, so the coordinator
                can compare these times with its own. Under a limit it first waits for the semaphore, holding
                this worker.\"""
                if LIMIT_OF[index] is None:
                    return timed_work(index)
                with SEMAPHORES[LIMIT_OF[index]]:
                    return timed_work(index)


            def timed_work(index):
                start = time.perf_counter()
                WORK[index]()
                return start, time.perf_counter()


            def warm_up(_):
                time.sleep(0.05)  # long enough that every worker process gets one
                return os.getpid()


            def main():
                global T0
                dependents = [[] for _ in TASKS]
                for task, after in enumerate(AFTER):
                    for dependency in after:
                        dependents[dependency].append(task)  # ascending: declaration order
                waiting = [len(after) for after in AFTER]
                ready = collections.deque(i for i in range(len(TASKS)) if waiting[i] == 0)
                free_lanes = list(range(WORKERS))
                running = {}
                semaphores = [multiprocessing.Semaphore(k) for k in GRAPH["limits"].values()]
                with concurrent.futures.ProcessPoolExecutor(
                        max_workers=WORKERS, initializer=init_worker, initargs=(semaphores,)) as pool:
                    # Start every worker process before the clock starts: pool start-up is not part of the graph.
                    list(pool.map(warm_up, range(WORKERS)))
                    T0 = time.perf_counter()
                    while ready or running:
                        while ready and free_lanes:  # a free worker takes the head of the ready queue at once
                            index = ready.popleft()
                            lane = min(free_lanes)
                            free_lanes.remove(lane)
                            LANE[index] = lane
                            ORDER.append(index)
                            running[pool.submit(run_in_worker, index)] = index
                        done, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
                        now_ready = []
                        for future in done:
                            index = running.pop(future)
                            start, end = future.result()
                            START_MS[index] = (start - T0) * 1000
                            END_MS[index] = (end - T0) * 1000
                            free_lanes.append(LANE[index])
                            for dependent in dependents[index]:
                                waiting[dependent] -= 1
                                if waiting[dependent] == 0:
                                    now_ready.append(dependent)
                        ready.extend(sorted(now_ready))  # tasks ready together queue in declaration order
            """;

    /** Threads: the main thread submits tasks as they become ready, as the engine's threads model does. */
    static final String THREADS_RUNNER = """
            def run_in_thread(index):
                \"""Runs on a pool thread: under a limit it first waits for the semaphore, holding this thread.\"""
                lane = int(threading.current_thread().name.rsplit("_", 1)[1])
                if LIMIT_OF[index] is None:
                    return timed(index, lane)
                with SEMAPHORES[LIMIT_OF[index]]:
                    return timed(index, lane)


            def timed(index, lane):
                ORDER.append(index)  # work starts in this order (after any semaphore wait)
                start = time.perf_counter()
                WORK[index]()
                return lane, start, time.perf_counter()


            def warm_up(_):
                time.sleep(0.05)  # long enough that every pool thread gets one
                return threading.get_ident()


            def main():
                global T0
                dependents = [[] for _ in TASKS]
                for task, after in enumerate(AFTER):
                    for dependency in after:
                        dependents[dependency].append(task)  # ascending: declaration order
                waiting = [len(after) for after in AFTER]
                running = {}
                with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="worker") as pool:
                    # Start every pool thread before the clock starts: pool start-up is not part of the graph.
                    list(pool.map(warm_up, range(WORKERS)))
                    T0 = time.perf_counter()
                    for index in range(len(TASKS)):
                        if waiting[index] == 0:
                            running[pool.submit(run_in_thread, index)] = index
                    while running:
                        done, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
                        now_ready = []
                        for future in done:
                            index = running.pop(future)
                            LANE[index], start, end = future.result()
                            START_MS[index] = (start - T0) * 1000
                            END_MS[index] = (end - T0) * 1000
                            for dependent in dependents[index]:
                                waiting[dependent] -= 1
                                if waiting[dependent] == 0:
                                    now_ready.append(dependent)
                        for index in sorted(now_ready):  # tasks ready together are submitted in declaration order
                            running[pool.submit(run_in_thread, index)] = index
            """;

    /** Event loop: the function {@code asyncio.to_thread} runs on a default-executor thread. */
    static final String OFFLOADED = """
            def offloaded(index, work, *args):
                \"""On an executor thread (lane 1 + its number): the work starts when this thread begins it.\"""
                started(index, int(threading.current_thread().name.rsplit("_", 1)[1]) + 1)
                work(*args)
            """;
}
