package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.graph.Task;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.Timeline;
import java.util.Arrays;

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

    private static final byte NEW = 0;
    private static final byte AWAITING = 1;
    private static final byte SLEEPING = 2;
    private static final byte DONE = 3;

    private TaskGraph graph;
    private Timeline timeline;
    private Clock clock;
    private StopSignal stop;
    private final CallbackQueue ready = new CallbackQueue();
    private final TimerQueue timers = new TimerQueue();
    private byte[] phase;
    /** Per task: index into its dependency array of the dependency it awaits next. */
    private int[] cursor;
    /** Per task: its waiters (done-callbacks) as a linked list of nodes, in registration order. */
    private int[] waitersHead;

    private int[] waitersTail;
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
        phase = new byte[n];
        cursor = new int[n];
        waitersHead = new int[n];
        waitersTail = new int[n];
        Arrays.fill(waitersHead, -1);
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
        if (phase[task] == NEW) {
            phase[task] = AWAITING;
            timeline.started(task);
        } else {
            timeline.resumed(task, -1);
        }
        advance(task);
    }

    /** {@code Task.__wakeup}: a future the task awaited is done; the task resumes in this same callback. */
    private void wakeUp(int task) {
        int[] deps = graph.dependenciesOf(task);
        boolean afterDependency = phase[task] == AWAITING && cursor[task] < deps.length;
        timeline.resumed(task, afterDependency ? deps[cursor[task]] : -1);
        advance(task);
    }

    /** The timer handle's callback: completes the sleep's future, which schedules the task's wake-up. */
    private void timerFired(int task) {
        timeline.timerCallback(task);
        ready.add(CallbackQueue.WAKEUP, task);
    }

    /** Runs the task's coroutine until it suspends or returns. */
    private void advance(int task) {
        if (phase[task] == SLEEPING) {
            finish(task);
            return;
        }
        int[] deps = graph.dependenciesOf(task);
        while (cursor[task] < deps.length) {
            int dep = deps[cursor[task]];
            if (phase[dep] != DONE) {
                addWaiter(dep, task);
                return;
            }
            cursor[task]++;
        }
        work(task);
    }

    private void work(int task) {
        Task t = graph.task(task);
        if (t.kind() == TaskKind.IO) {
            phase[task] = SLEEPING;
            if (t.durationNanos() == 0) {
                timeline.workStarted(task, 0);
                ready.add(CallbackQueue.STEP, task); // sleep(0): a bare yield; __step reschedules itself
            } else {
                long due = clock.nanos() + t.durationNanos();
                timers.add(due, task);
                timeline.timerArmed(task, due);
            }
            return;
        }
        timeline.workStarted(task, 0);
        if (clock.occupy(t.kind(), t.durationNanos(), stop)) {
            finish(task);
        }
    }

    private void finish(int task) {
        phase[task] = DONE;
        timeline.finished(task, 0);
        for (int node = waitersHead[task]; node >= 0; node = nodeNext[node]) {
            ready.add(CallbackQueue.WAKEUP, nodeTask[node]);
        }
    }

    private void addWaiter(int awaited, int waiter) {
        int node = nodes++;
        nodeTask[node] = waiter;
        nodeNext[node] = -1;
        if (waitersHead[awaited] < 0) {
            waitersHead[awaited] = node;
        } else {
            nodeNext[waitersTail[awaited]] = node;
        }
        waitersTail[awaited] = node;
    }
}
