package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.Timeline;

/**
 * A model of CPython's asyncio running the graph's natural program, hop by hop:
 * <pre>
 * async def task_x():                # created with create_task, in declaration order
 *     for dep in after: await dep    # each dependency, in "after" order
 *     async with limits[limit]:      # only with a limit: an asyncio.Semaphore
 *         await asyncio.sleep(ms)    # io  (ms 0: sleep(0), one yield and no timer)
 *         burn_cpu(ms) / time.sleep(ms)                   # cpu / blocking_io: holds the loop
 *         await asyncio.to_thread(burn_cpu / time.sleep, ms)  # offloaded: on the default executor
 * </pre>
 *
 * <p>Invariants:
 * <ol>
 *   <li>{@link #runOnce} is the only method that runs callbacks; every other method enqueues (as
 *       {@code BaseEventLoop._run_once}). Only the run's thread touches this object.</li>
 *   <li>A pass runs exactly the callbacks that were ready when it began, FIFO; callbacks scheduled during a
 *       pass (by a finishing task, a timer callback, a {@code sleep(0)}, a worker thread) run in a later pass.</li>
 *   <li>Due timers move to the back of the ready deque at the start of a pass, ordered by (deadline, arming
 *       order), after the self-pipe reader when a worker thread wrote the pipe. A timer that comes due while a
 *       task holds the loop waits for the next pass.</li>
 *   <li>A timer's callback only completes the sleep's future; the sleeping task resumes in the wake-up that
 *       completion schedules: one more hop. A finished task schedules its waiters' wake-ups in the order they
 *       started waiting; awaiting a finished task continues at once. An offloaded job's completion is
 *       {@code _set_state} (queued by the worker), which schedules {@code _call_check_cancel} and the wake-up.</li>
 *   <li>A limit is {@code asyncio.Semaphore} of CPython 3.11: {@code acquire()} queues while the value is 0 or
 *       anyone waits; {@code release()} (when the work is done, before the task's own waiters are woken) marks the
 *       first waiter woken and takes its unit; the woken task resumes one hop later and, if units are left, wakes
 *       the next.</li>
 *   <li>Task phases only move forward: NEW -> AWAITING -> (ACQUIRING ->) SLEEPING | OFFLOADED -> DONE (a task that
 *       holds the loop goes from AWAITING or ACQUIRING straight to DONE).</li>
 * </ol>
 */
public final class EventLoopScheduler implements Scheduler {

    private static final int NEW = 0;
    private static final int AWAITING = 1;
    private static final int SLEEPING = 2;
    private static final int DONE = 3;
    private static final int ACQUIRING = 4;
    private static final int OFFLOADED = 5;

    /** Offsets of a task's slots within {@link #state}. */
    private static final int PHASE = 0;

    private static final int CURSOR = 1;
    private static final int FIRST_WAITER = 2;
    private static final int LAST_WAITER = 3;
    private static final int SLOTS = 4;

    private final int executorThreads;

    private TaskGraph graph;
    private Timeline timeline;
    private Clock clock;
    private StopSignal stop;
    private final CallbackQueue ready = new CallbackQueue();
    private final TimerQueue timers = new TimerQueue();
    /**
     * Per task, side by side because a hop touches them together: {@code state[task * SLOTS + PHASE]}, the
     * position in its {@code after} list of the dependency it awaits next ({@code CURSOR}), and its waiters
     * (done-callbacks) as a linked list of nodes in registration order ({@code FIRST_WAITER}, {@code LAST_WAITER};
     * -1 when none).
     */
    private int[] state;

    /** The waiter nodes: the task each one wakes, and the next node of the same awaited task (-1: last). */
    private int[] nodeTask;

    private int[] nodeNext;
    private int nodes;
    /** Per limit: the semaphore's {@code _value} and its {@code _waiters} (tasks, FIFO). */
    private int[] limitValue;

    private IntFifo[] limitWaiters;
    /** Per task waiting for a limit: its future is done (woken) but it has not resumed yet. */
    private boolean[] limitWoken;
    /** Null unless the graph offloads work: created with the loop, its threads lazily. */
    private DefaultExecutor executor;

    private Thread owner;
    /** Passes that ran something so far: the next {@code loop_pass} event's number. */
    private int passes;

    /** A loop whose default executor has {@code executorThreads} threads ({@code min(32, cores + 4)}). */
    public EventLoopScheduler(int executorThreads) {
        if (executorThreads < 1 || executorThreads > 32) {
            throw new IllegalArgumentException("executorThreads must be from 1 to 32, was " + executorThreads);
        }
        this.executorThreads = executorThreads;
    }

    public EventLoopScheduler() {
        this(new SchedulerSpec.EventLoop().executorThreads());
    }

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        init(timeline, clock, stop);
        for (int task = 0; task < graph.size(); task++) {
            ready.add(CallbackQueue.STEP, task);
            timeline.created(task);
        }
        while (!stop.isStopped() && (!ready.isEmpty() || !timers.isEmpty() || executorBusy())) {
            runOnce();
        }
    }

    private void init(Timeline timeline, Clock clock, StopSignal stop) {
        if (owner != null) {
            throw new IllegalStateException("an EventLoopScheduler runs one graph once");
        }
        owner = Thread.currentThread();
        this.graph = timeline.graph();
        this.timeline = timeline;
        this.clock = clock;
        this.stop = stop;
        int n = graph.size();
        state = new int[n * SLOTS];
        for (int task = 0; task < n; task++) {
            state[task * SLOTS + FIRST_WAITER] = -1;
        }
        nodeTask = new int[Math.max(1, graph.edgeCount())];
        nodeNext = new int[nodeTask.length];
        limitValue = new int[graph.limitCount()];
        limitWaiters = new IntFifo[graph.limitCount()];
        for (int limit = 0; limit < graph.limitCount(); limit++) {
            limitValue[limit] = graph.limitValue(limit);
            limitWaiters[limit] = new IntFifo();
        }
        limitWoken = graph.limitCount() == 0 ? null : new boolean[n];
        if (graph.anyOffloaded()) {
            executor = new DefaultExecutor(
                    graph, timeline, clock, stop, task -> ready.add(CallbackQueue.SET_STATE, task), executorThreads);
        }
    }

    private boolean executorBusy() {
        return executor != null && executor.busy();
    }

    /** One pass of the loop, as {@code BaseEventLoop._run_once}. */
    private void runOnce() {
        assert Thread.currentThread() == owner : "loop state touched off the loop thread";
        awaitNextEvent();
        moveDueTimersToReady();
        runReadySnapshot();
    }

    /**
     * {@code select}: zero wait if work is ready; otherwise until the earliest deadline (sleep for real, jump for
     * virtual) or until a worker thread writes the self-pipe. A worker's report due at the same instant as a
     * timer comes first. Then the self-pipe reader is queued if the pipe was written.
     */
    private void awaitNextEvent() {
        if (ready.isEmpty()) {
            long deadline = timers.isEmpty() ? Long.MAX_VALUE : timers.peekDeadline();
            if (executor == null) {
                clock.awaitUntil(deadline, stop);
            } else if (deadline > clock.nanos()) {
                selectWithExecutor(deadline); // a timeout of 0 (a timer already due) does not block
            }
        }
        if (executor != null && executor.pipeWritten()) {
            ready.add(CallbackQueue.READ_FROM_SELF, 0);
        }
    }

    /** The loop is blocked in {@code select}, so workers get the GIL at once. */
    private void selectWithExecutor(long deadline) {
        executor.endJobsUpTo(clock.nanos());
        executor.drain();
        while (!executor.pipeWritten() && !stop.isStopped()) {
            long next = executor.nextJobEndNanos();
            if (next == Long.MAX_VALUE && deadline == Long.MAX_VALUE) {
                throw new IllegalStateException("the loop would wait forever: nothing ready, due or running");
            }
            if (next > deadline) {
                clock.awaitUntil(deadline, stop);
                return;
            }
            clock.awaitUntil(next, stop);
            executor.endJobsUpTo(next);
            executor.drain();
        }
    }

    private void moveDueTimersToReady() {
        long now = clock.nanos();
        while (!timers.isEmpty() && timers.peekDeadline() <= now) {
            long due = timers.peekDeadline();
            int task = timers.poll();
            timeline.timerDue(task, due);
            ready.add(CallbackQueue.TIMER, task);
        }
    }

    private void runReadySnapshot() {
        int snapshot = ready.size();
        if (snapshot > 0) {
            timeline.loopPass(passes++, snapshot, timers.size());
        }
        for (int todo = snapshot; todo > 0 && !stop.isStopped(); todo--) {
            int callback = ready.poll();
            int task = CallbackQueue.task(callback);
            switch (CallbackQueue.kind(callback)) {
                case CallbackQueue.STEP -> step(task);
                case CallbackQueue.WAKEUP -> wakeUp(task);
                case CallbackQueue.TIMER -> timerFired(task);
                case CallbackQueue.SET_STATE -> setState(task);
                case CallbackQueue.READ_FROM_SELF -> executor.pipeRead();
                case CallbackQueue.CHECK_CANCEL -> {}
                default -> throw new IllegalStateException("unknown callback " + callback);
            }
        }
    }

    /** {@code Task.__step}: the first step, or the step after {@code sleep(0)} yielded. */
    private void step(int task) {
        if (state[task * SLOTS + PHASE] == NEW) {
            state[task * SLOTS + PHASE] = AWAITING;
            timeline.started(task);
        } else {
            timeline.resumed(task, -1);
        }
        advance(task);
    }

    /** {@code Task.__wakeup}: a future the task awaited is done; the task resumes in this same callback. */
    private void wakeUp(int task) {
        int phase = state[task * SLOTS + PHASE];
        if (phase == ACQUIRING) {
            acquired(task);
            return;
        }
        int cursor = state[task * SLOTS + CURSOR];
        boolean afterDependency = phase == AWAITING && cursor < graph.dependencyCount(task);
        timeline.resumed(task, afterDependency ? graph.dependency(task, cursor) : -1);
        advance(task);
    }

    /** The timer handle's callback: completes the sleep's future, which schedules the task's wake-up. */
    private void timerFired(int task) {
        timeline.timerCallback(task);
        ready.add(CallbackQueue.WAKEUP, task);
    }

    /** {@code _set_state}: the wrapped future gets the job's result; its done-callbacks are queued in order. */
    private void setState(int task) {
        timeline.timerCallback(task);
        ready.add(CallbackQueue.CHECK_CANCEL, task);
        ready.add(CallbackQueue.WAKEUP, task);
    }

    /** Runs the task's coroutine until it suspends or returns. */
    private void advance(int task) {
        int phase = state[task * SLOTS + PHASE];
        if (phase == SLEEPING || phase == OFFLOADED) {
            finish(task);
            return;
        }
        int count = graph.dependencyCount(task);
        int cursor = state[task * SLOTS + CURSOR];
        for (; cursor < count; cursor++) {
            int dep = graph.dependency(task, cursor);
            if (state[dep * SLOTS + PHASE] != DONE) {
                state[task * SLOTS + CURSOR] = cursor;
                addWaiter(dep, task);
                return;
            }
        }
        state[task * SLOTS + CURSOR] = cursor;
        int limit = graph.limit(task);
        if (limit < 0) {
            work(task);
        } else if (limitValue[limit] > 0 && limitWaiters[limit].isEmpty()) {
            limitValue[limit]--; // Semaphore.acquire() when not locked(): no yield
            timeline.limitTaken(task, 0);
            work(task);
        } else {
            state[task * SLOTS + PHASE] = ACQUIRING;
            limitWaiters[limit].add(task);
            timeline.limitWait(task, 0);
        }
    }

    /** The task's semaphore future was set: it leaves the waiters, wakes the next if units remain, and works. */
    private void acquired(int task) {
        int limit = graph.limit(task);
        if (!limitWaiters[limit].remove(task)) {
            throw new IllegalStateException("task " + graph.id(task) + " woke without waiting for its limit");
        }
        limitWoken[task] = false;
        if (limitValue[limit] > 0) {
            wakeUpNext(limit);
        }
        state[task * SLOTS + PHASE] = AWAITING;
        timeline.limitTaken(task, 0);
        work(task);
    }

    /** {@code Semaphore._wake_up_next}: the first waiter not yet woken takes a unit and is woken. */
    private void wakeUpNext(int limit) {
        IntFifo waiters = limitWaiters[limit];
        for (int i = 0; i < waiters.size(); i++) {
            int waiter = waiters.get(i);
            if (!limitWoken[waiter]) {
                limitValue[limit]--;
                limitWoken[waiter] = true;
                ready.add(CallbackQueue.WAKEUP, waiter);
                return;
            }
        }
    }

    private void work(int task) {
        TaskKind kind = graph.kind(task);
        long duration = graph.durationNanos(task);
        if (graph.offloaded(task)) {
            state[task * SLOTS + PHASE] = OFFLOADED;
            executor.submit(task);
            return;
        }
        if (kind == TaskKind.IO) {
            state[task * SLOTS + PHASE] = SLEEPING;
            if (duration == 0) {
                timeline.workStarted(task, 0);
                ready.add(CallbackQueue.STEP, task); // sleep(0): a bare yield; __step reschedules itself
            } else {
                long due = clock.nanos() + duration;
                timers.add(due, task);
                timeline.timerArmed(task, due);
            }
            return;
        }
        timeline.workStarted(task, 0);
        if (executor == null ? clock.occupy(kind, duration, stop) : holdWithExecutor(kind, duration)) {
            finish(task);
        }
    }

    /**
     * The loop holds its thread for {@code duration} while worker threads run: a blocking call releases the GIL
     * (workers run as soon as they need it); cpu keeps it, and workers get it at the switch interval.
     */
    private boolean holdWithExecutor(TaskKind kind, long duration) {
        executor.endJobsUpTo(clock.nanos());
        long end = clock.nanos() + duration;
        if (kind == TaskKind.BLOCKING_IO && duration > 0) {
            executor.drain();
            for (long next = executor.nextJobEndNanos(); next <= end && !stop.isStopped(); ) {
                clock.awaitUntil(next, stop);
                executor.endJobsUpTo(next);
                executor.drain();
                next = executor.nextJobEndNanos();
            }
            clock.awaitUntil(end, stop);
            return !stop.isStopped();
        }
        long remaining = duration;
        while (!stop.isStopped()) {
            long now = clock.nanos();
            long jobEnd = executor.nextJobEndNanos();
            long next = Math.max(now, Math.min(jobEnd, executor.nextSwitchNanos()));
            if (next >= now + remaining) {
                break;
            }
            if (!clock.occupy(TaskKind.CPU, next - now, stop)) {
                return false;
            }
            remaining -= next - now;
            if (next >= jobEnd) {
                executor.endJobsUpTo(next);
            } else {
                executor.drain(); // forced switch: every waiting worker runs, then the loop burns on
            }
        }
        return clock.occupy(TaskKind.CPU, remaining, stop);
    }

    private void finish(int task) {
        state[task * SLOTS + PHASE] = DONE;
        int limit = graph.limit(task);
        if (limit >= 0) {
            limitValue[limit]++; // Semaphore.release() on leaving "async with"
            wakeUpNext(limit);
        }
        timeline.finished(task, 0);
        for (int node = state[task * SLOTS + FIRST_WAITER]; node >= 0; node = nodeNext[node]) {
            ready.add(CallbackQueue.WAKEUP, nodeTask[node]);
        }
    }

    private void addWaiter(int awaited, int waiter) {
        int node = nodes++;
        nodeTask[node] = waiter;
        nodeNext[node] = -1;
        if (state[awaited * SLOTS + FIRST_WAITER] < 0) {
            state[awaited * SLOTS + FIRST_WAITER] = node;
        } else {
            nodeNext[state[awaited * SLOTS + LAST_WAITER]] = node;
        }
        state[awaited * SLOTS + LAST_WAITER] = node;
    }
}
