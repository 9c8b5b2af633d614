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
 *     await asyncio.sleep(ms)        # io  (ms 0: sleep(0), one yield and no timer)
 *     burn_cpu(ms) / time.sleep(ms)  # cpu / blocking_io: holds the loop
 * </pre>
 *
 * <p>Invariants:
 * <ol>
 *   <li>{@link #runOnce} is the only method that runs callbacks; every other method enqueues (as
 *       {@code BaseEventLoop._run_once}). Only the run's thread touches this object.</li>
 *   <li>A pass runs exactly the callbacks that were ready when it began, FIFO; callbacks scheduled during a
 *       pass (by a finishing task, a timer callback, a {@code sleep(0)}) run in a later pass.</li>
 *   <li>Due timers move to the back of the ready deque at the start of a pass, ordered by (deadline, arming
 *       order). A timer that comes due while a task holds the loop waits for the next pass.</li>
 *   <li>A timer's callback only completes the sleep's future; the sleeping task resumes in the wake-up that
 *       completion schedules: one more hop. A finished task schedules its waiters' wake-ups in the order they
 *       started waiting; awaiting a finished task continues at once.</li>
 *   <li>Task phases only move forward: NEW -> AWAITING -> SLEEPING -> DONE (a task that holds the loop goes
 *       from AWAITING straight to DONE).</li>
 * </ol>
 */
public final class EventLoopScheduler implements Scheduler {

    private static final int NEW = 0;
    private static final int AWAITING = 1;
    private static final int SLEEPING = 2;
    private static final int DONE = 3;

    /** Offsets of a task's slots within {@link #state}. */
    private static final int PHASE = 0;

    private static final int CURSOR = 1;
    private static final int FIRST_WAITER = 2;
    private static final int LAST_WAITER = 3;
    private static final int SLOTS = 4;

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
    private Thread owner;

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        init(timeline, clock, stop);
        for (int task = 0; task < graph.size(); task++) {
            ready.add(CallbackQueue.STEP, task);
            timeline.created(task);
        }
        while (!stop.isStopped() && (!ready.isEmpty() || !timers.isEmpty())) {
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
    }

    /** One pass of the loop, as {@code BaseEventLoop._run_once}. */
    private void runOnce() {
        assert Thread.currentThread() == owner : "loop state touched off the loop thread";
        awaitNextEvent();
        moveDueTimersToReady();
        runReadySnapshot();
    }

    /** Zero wait if work is ready; otherwise until the earliest deadline (sleep for real, jump for virtual). */
    private void awaitNextEvent() {
        if (ready.isEmpty() && !timers.isEmpty()) {
            clock.awaitUntil(timers.peekDeadline(), stop);
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
        for (int todo = ready.size(); todo > 0 && !stop.isStopped(); todo--) {
            int callback = ready.poll();
            int task = CallbackQueue.task(callback);
            switch (CallbackQueue.kind(callback)) {
                case CallbackQueue.STEP -> step(task);
                case CallbackQueue.WAKEUP -> wakeUp(task);
                case CallbackQueue.TIMER -> timerFired(task);
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
        int cursor = state[task * SLOTS + CURSOR];
        boolean afterDependency = state[task * SLOTS + PHASE] == AWAITING && cursor < graph.dependencyCount(task);
        timeline.resumed(task, afterDependency ? graph.dependency(task, cursor) : -1);
        advance(task);
    }

    /** The timer handle's callback: completes the sleep's future, which schedules the task's wake-up. */
    private void timerFired(int task) {
        timeline.timerCallback(task);
        ready.add(CallbackQueue.WAKEUP, task);
    }

    /** Runs the task's coroutine until it suspends or returns. */
    private void advance(int task) {
        if (state[task * SLOTS + PHASE] == SLEEPING) {
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
        work(task);
    }

    private void work(int task) {
        TaskKind kind = graph.kind(task);
        long duration = graph.durationNanos(task);
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
        if (clock.occupy(kind, duration, stop)) {
            finish(task);
        }
    }

    private void finish(int task) {
        state[task * SLOTS + PHASE] = DONE;
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
