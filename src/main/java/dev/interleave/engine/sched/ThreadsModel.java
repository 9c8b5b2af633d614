package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.Timeline;
import java.util.Arrays;

/**
 * One run of the threads model ({@link ThreadsScheduler}): the program's rules Q1–Q5 of
 * {@code python-threads-model.md} (the main thread's submit loop, the workers' get loop, task start and finish),
 * driving the {@link Gil}, the {@link PoolQueue}, the {@link ThreadSemaphores} and, without the GIL,
 * {@link CpuShares}, from one timed-event heap and one agenda of zero-time steps.
 *
 * <p>Invariants: only the run's thread touches this object; bookkeeping takes no time; the agenda is drained
 * completely after every timed event, so steps at the same instant run in the order they were caused, and timed
 * events at the same instant pop in the order they were armed; each thread is in at most one of: holding, waiting
 * for the GIL, blocked on the queue, blocked on a semaphore, sleeping. Thread {@code main} is the main thread;
 * 0..workers-1 are the pool's threads and the run's lanes.
 */
final class ThreadsModel implements Gil.Host {

    /** Timed events. */
    private static final int SLEEP_DONE = 0;

    private static final int WINDOW = 1;
    private static final int CPU_DONE = 2;
    /** Calibrated model only: the GIL reaches the thread it was handed to. */
    private static final int HANDED_OVER = 3;

    /** Zero-time actions of the agenda. */
    private static final int TAKE = 0;

    private static final int RUN = 1;

    /** What a thread does when it next holds the GIL. */
    private static final int IDLE = 0;

    private static final int MAIN = 1;
    private static final int QUEUE_WAKE = 2;
    private static final int SLEEP_END = 3;
    private static final int BURN = 4;
    private static final int RESUME_BURN = 5;
    private static final int LIMIT_WAKE = 6;

    private final boolean gilOn;
    private final long sleepOvershootNanos;
    private final TaskGraph graph;
    private final Timeline timeline;
    private final Clock clock;
    private final StopSignal stop;
    private final int main;
    private final Gil gil;
    private final PoolQueue queue;
    private final ThreadSemaphores semaphores;
    private final CpuShares shares;

    private final int[] continuation;
    private final int[] taskOn;
    private final long[] cpuVersion;
    /** Cpu nanoseconds left and when the current burn began (with the GIL). */
    private final long[] remaining;

    private final long[] burnStart;
    private long seq;
    private final EventHeap events = new EventHeap();
    private final IntFifo agenda = new IntFifo();
    private final IntFifo completions = new IntFifo();
    private final int[] waitingOn;
    private int[] nowReady = new int[4];
    private boolean mainBlocked;
    private boolean mainDone;
    private int finishedTasks;

    ThreadsModel(SchedulerSpec.Threads spec, Timeline timeline, Clock clock, StopSignal stop) {
        this.gilOn = spec.gil();
        this.sleepOvershootNanos = spec.sleepOvershootNanos();
        this.graph = timeline.graph();
        this.timeline = timeline;
        this.clock = clock;
        this.stop = stop;
        int workers = spec.workers();
        main = workers;
        int threads = workers + 1;
        gil = new Gil(threads, Gil.SWITCH_INTERVAL_NANOS, spec.handoffNanos(), clock, this);
        queue = new PoolQueue(this::queueHandedTo);
        semaphores = new ThreadSemaphores(graph);
        shares = new CpuShares(threads, spec.cores(), this::cpuDoneAt);
        continuation = new int[threads];
        taskOn = new int[threads];
        Arrays.fill(taskOn, -1);
        cpuVersion = new long[threads];
        remaining = new long[threads];
        burnStart = new long[threads];
        waitingOn = new int[graph.size()];
        for (int task = 0; task < graph.size(); task++) {
            waitingOn[task] = graph.dependencyCount(task);
        }
    }

    void run() {
        // Q3: after the pool's warm-up every worker is blocked on the queue lock, in order; main holds the GIL.
        queue.warmUp(main);
        if (gilOn) {
            gil.holdAtStart(main);
        }
        for (int task = 0; task < graph.size(); task++) {
            if (waitingOn[task] == 0) {
                timeline.ready(task);
                queue.put(task);
            }
        }
        mainBlocked = true;
        release();
        drainAgenda();
        while (!mainDone && !stop.isStopped()) {
            if (events.isEmpty()) {
                throw new IllegalStateException("the threads model stalled with tasks unfinished");
            }
            awaitNextEvent();
            handle(events.poll());
            drainAgenda();
        }
    }

    /** Virtual: jump to the next event. Real: wait for it, burning CPU while the model's holder computes. */
    private void awaitNextEvent() {
        long next = events.peekTime();
        long now = clock.nanos();
        if (next <= now) {
            return;
        }
        int holder = gil.holder();
        boolean computing =
                gilOn ? holder >= 0 && !gil.inTransit() && continuation[holder] == BURN : shares.anyComputing();
        if (computing && !clock.isVirtual()) {
            clock.occupy(TaskKind.CPU, next - now, stop);
        } else {
            clock.awaitUntil(next, stop);
        }
    }

    private void arm(long at, int kind, int thread, long version) {
        events.add(at, ++seq, (version << 10) | ((long) thread << 2) | kind);
    }

    private void handle(long event) {
        int kind = (int) (event & 3);
        int thread = (int) ((event >>> 2) & 0xFF);
        long version = event >>> 10;
        switch (kind) {
            case SLEEP_DONE -> {
                continuation[thread] = SLEEP_END;
                take(thread);
            }
            case WINDOW -> gil.windowEnds(thread, version);
            case HANDED_OVER -> gil.handedOver();
            case CPU_DONE -> {
                if (version == cpuVersion[thread] && (!gilOn || gil.holder() == thread)) {
                    if (!gilOn) {
                        shares.finish(thread, clock.nanos());
                        continuation[thread] = IDLE;
                    }
                    finish(thread);
                }
            }
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    private void drainAgenda() {
        while (!agenda.isEmpty() && !stop.isStopped()) {
            int action = agenda.poll();
            int thread = action >>> 1;
            if ((action & 1) == TAKE) {
                take(thread);
            } else {
                step(thread);
            }
        }
    }

    /** G1; without the GIL a woken thread runs at once. */
    private void take(int thread) {
        if (gilOn) {
            gil.take(thread);
        } else {
            agenda.add(thread << 1 | RUN);
        }
    }

    /** G5. */
    private void release() {
        if (gilOn) {
            gil.release();
        }
    }

    /** A thread holding the GIL (or, without it, running) takes its next step. */
    private void step(int thread) {
        switch (continuation[thread]) {
            case MAIN -> mainStep();
            case QUEUE_WAKE -> {
                queue.woken();
                get(thread);
            }
            case SLEEP_END -> finish(thread);
            case RESUME_BURN -> {
                continuation[thread] = BURN;
                burnStart[thread] = clock.nanos();
                arm(clock.nanos() + remaining[thread], CPU_DONE, thread, cpuVersion[thread]);
            }
            case LIMIT_WAKE -> {
                int task = taskOn[thread];
                if (semaphores.acquire(graph.limit(task), thread)) {
                    timeline.limitTaken(task, thread);
                    if (beginWork(thread)) {
                        finish(thread);
                    }
                } else {
                    continuation[thread] = IDLE; // Condition.wait again, at the tail
                    release();
                }
            }
            default -> throw new IllegalStateException("thread " + thread + " has nothing to do");
        }
    }

    /** Q5: the main thread takes every completion, submits what became ready, and waits again (or is done). */
    private void mainStep() {
        int count = 0;
        while (!completions.isEmpty()) {
            int task = completions.poll();
            for (int k = 0; k < graph.dependentCount(task); k++) {
                int dependent = graph.dependent(task, k);
                if (--waitingOn[dependent] == 0) {
                    if (count == nowReady.length) {
                        nowReady = Arrays.copyOf(nowReady, count * 2);
                    }
                    nowReady[count++] = dependent;
                }
            }
        }
        Arrays.sort(nowReady, 0, count);
        for (int i = 0; i < count; i++) {
            timeline.ready(nowReady[i]);
            queue.put(nowReady[i]);
        }
        if (finishedTasks == graph.size()) {
            mainDone = true;
        } else {
            mainBlocked = true;
        }
        continuation[main] = IDLE;
        release();
    }

    /** The queue's lock was handed to a blocked getter: it wakes after this step (G6). */
    private void queueHandedTo(int getter) {
        continuation[getter] = QUEUE_WAKE;
        agenda.add(getter << 1 | TAKE);
    }

    /** Q2: the worker gets tasks and runs them until one takes time, or it blocks on the queue. */
    private void get(int thread) {
        while (true) {
            int task = queue.get(thread);
            if (task < 0) {
                continuation[thread] = IDLE;
                release();
                return;
            }
            taskOn[thread] = task;
            if (!startTask(thread)) {
                return; // computing, sleeping or waiting for its limit
            }
            completeTask(thread);
        }
    }

    /** Takes the task's limit if it has one, then begins its work; true if the work is already done. */
    private boolean startTask(int thread) {
        int task = taskOn[thread];
        int limit = graph.limit(task);
        if (limit >= 0) {
            if (!semaphores.acquire(limit, thread)) {
                timeline.limitWait(task, thread);
                continuation[thread] = IDLE;
                release();
                return false;
            }
            timeline.limitTaken(task, thread);
        }
        return beginWork(thread);
    }

    /** Q4: cpu keeps the GIL and burns; a sleep releases it; a zero-ms sleep is done at once. */
    private boolean beginWork(int thread) {
        int task = taskOn[thread];
        timeline.workStarted(task, thread);
        long duration = graph.durationNanos(task);
        long now = clock.nanos();
        if (graph.kind(task) == TaskKind.CPU) {
            continuation[thread] = BURN;
            if (gilOn) {
                remaining[thread] = duration;
                burnStart[thread] = now;
                arm(now + duration, CPU_DONE, thread, ++cpuVersion[thread]);
            } else {
                shares.start(thread, duration, now);
            }
            return false;
        }
        if (duration == 0) {
            return true;
        }
        continuation[thread] = IDLE;
        arm(now + duration + sleepOvershootNanos, SLEEP_DONE, thread, 0);
        release();
        return false;
    }

    /** Q4': the task is done; then the worker gets its next task. */
    private void finish(int thread) {
        completeTask(thread);
        get(thread);
    }

    private void completeTask(int thread) {
        int task = taskOn[thread];
        taskOn[thread] = -1;
        continuation[thread] = IDLE;
        timeline.finished(task, thread, clock.nanos());
        finishedTasks++;
        int limit = graph.limit(task);
        if (limit >= 0) {
            int waiter = semaphores.release(limit); // Semaphore.release(): notify the first waiter
            if (waiter >= 0) {
                continuation[waiter] = LIMIT_WAKE;
                agenda.add(waiter << 1 | TAKE);
            }
        }
        completions.add(task);
        if (mainBlocked) {
            mainBlocked = false;
            continuation[main] = MAIN;
            agenda.add(main << 1 | TAKE);
        }
    }

    private void cpuDoneAt(int thread, long atNanos) {
        arm(atNanos, CPU_DONE, thread, ++cpuVersion[thread]);
    }

    // Gil.Host

    @Override
    public void armWindow(int thread, long atNanos, long version) {
        arm(atNanos, WINDOW, thread, version);
    }

    @Override
    public void armHandOver(int thread, long atNanos) {
        arm(atNanos, HANDED_OVER, thread, 0);
    }

    @Override
    public void run(int thread) {
        agenda.add(thread << 1 | RUN);
    }

    @Override
    public void takeAgain(int thread) {
        agenda.add(thread << 1 | TAKE);
    }

    @Override
    public void preempted(int thread) {
        if (continuation[thread] != BURN) {
            throw new IllegalStateException("the GIL holder at a timed event is not computing");
        }
        remaining[thread] -= clock.nanos() - burnStart[thread];
        cpuVersion[thread]++;
        continuation[thread] = RESUME_BURN;
    }

    @Override
    public void changed(int thread, Gil.Change change) {
        int lane = thread == main ? RunEvent.NO_LANE : thread;
        int task = taskOn[thread];
        switch (change) {
            case WAIT -> timeline.gilWait(lane, task);
            case TAKEN -> timeline.gilTaken(lane, task);
            case RELEASED -> timeline.gilReleased(lane, task);
        }
    }
}
