package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.Timeline;
import java.util.Arrays;

/**
 * A deterministic model of CPython 3.11 running the graph on a {@code ThreadPoolExecutor(workers)}: the main thread
 * submits each task when its last dependency completes (tasks ready together in declaration order) and waits for
 * completions; io and blocking_io are {@code time.sleep} (which releases the GIL), cpu burns while holding it.
 *
 * <p>The GIL ({@code Python/ceval_gil.h} with forced switching; 5 ms switch interval):
 * <ul>
 *   <li>G1 take: a free GIL is granted at once; otherwise the thread joins the waiters at the tail and arms a
 *       window of one interval.</li>
 *   <li>G2 grant: the thread leaves the waiters and holds the GIL; a grant to another thread than the last holder
 *       counts a switch.</li>
 *   <li>G3 window: a waiter whose window ends with no switch since it was armed asks for a drop (G4); either way it
 *       re-joins the waiters at the tail with a new window.</li>
 *   <li>G4 forced drop: the holder (always a thread burning cpu) stops, the waiter that has waited longest gets the
 *       GIL, and the old holder takes again after the new holder's step.</li>
 *   <li>G5 release (a sleep, a blocking lock, the end): the longest waiter gets the GIL.</li>
 *   <li>G6 a thread woken by another thread's step (a queue lock handed over, a semaphore notified, the main thread's
 *       completion event) takes after that step has finished; a thread whose sleep ends takes at once.</li>
 * </ul>
 * The pool's queue is {@code _queue.SimpleQueue}: a {@code put} while a getter holds the queue lock hands the lock
 * to the first blocked getter, so k puts wake k workers one after another. Bookkeeping takes no time; zero-time
 * steps run from an agenda that is drained after every timed event, so steps at the same instant run in the order
 * they were caused. A limit is a {@code threading.Semaphore} taken inside the submitted function: a task waiting
 * for it holds its worker; a release notifies the first waiter, but a thread that asks first takes the unit (as
 * Python's Semaphore lets it).
 *
 * <p>Without the GIL ({@code gil: false}, a model of a free-threaded build, not checked against one) a thread runs
 * as soon as it is woken and cpu work shares {@code cores} cores equally among the threads computing.
 *
 * <p>Under a {@link dev.interleave.engine.clock.SystemClock} the same model runs in real time on one thread: it
 * waits for real until the next event, and burns real CPU while the model's GIL holder computes.
 *
 * <p>Invariants: only the run's thread touches this object; the GIL holder is -1 or one thread, and at a timed
 * event it is -1 or a thread burning cpu; each thread is in at most one of: holding, waiting for the GIL, blocked
 * on the queue, blocked on a semaphore, sleeping; events at the same instant pop in the order they were armed.
 */
public final class ThreadsScheduler implements Scheduler {

    /** CPython's default {@code sys.getswitchinterval()}. */
    public static final long SWITCH_INTERVAL_NANOS = 5_000_000;

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

    private final int workers;
    private final boolean gil;
    private final int cores;
    private final long handoffNanos;
    private final long sleepOvershootNanos;
    /** Calibrated model only: the GIL has been handed to {@link #holder}, who does not run yet. */
    private boolean inTransit;

    private TaskGraph graph;
    private Timeline timeline;
    private Clock clock;
    private StopSignal stop;
    /** Thread index {@code main} is the main thread; 0..workers-1 are the pool's threads (and lanes). */
    private int main;

    private int[] continuation;
    private int[] taskOn;
    private long[] entry;
    private long[] savedSwitch;
    private long[] windowVersion;
    private long[] cpuVersion;
    private boolean[] waitingForGil;
    /** Cpu nanoseconds left and when the current burn began (with the GIL), or work left (without it). */
    private long[] remaining;

    private long[] burnStart;
    private double[] shareWork;
    private int holder = -1;
    private int lastHolder = -1;
    private long switches;
    private long seq;
    private final EventHeap events = new EventHeap();
    private final IntFifo agenda = new IntFifo();
    private final IntFifo items = new IntFifo();
    private final IntFifo blockedGetters = new IntFifo();
    /** The SimpleQueue's lock is held by a getter; {@code queueLocked} is the queue's own {@code locked} flag. */
    private boolean queueLockHeld;

    private boolean queueLocked;
    private final IntFifo completions = new IntFifo();
    private boolean mainBlocked;
    private boolean mainDone;
    private int[] waitingOn;
    private int[] limitValue;
    private IntFifo[] limitWaiters;
    /** Without the GIL: threads computing now, and when their shares were last brought up to date. */
    private int burners;

    private long sharesUpdated;
    private int finishedTasks;

    ThreadsScheduler(SchedulerSpec.Threads spec) {
        this.workers = spec.workers();
        this.gil = spec.gil();
        this.cores = spec.cores();
        this.handoffNanos = spec.handoffNanos();
        this.sleepOvershootNanos = spec.sleepOvershootNanos();
    }

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        init(timeline, clock, stop);
        // Q3: after the pool's warm-up every worker is blocked on the queue lock, in order; main holds the GIL.
        for (int thread = 0; thread < workers; thread++) {
            blockedGetters.add(thread);
        }
        queueLockHeld = true;
        queueLocked = true;
        holder = main;
        lastHolder = main;
        for (int task = 0; task < graph.size(); task++) {
            if (waitingOn[task] == 0) {
                timeline.ready(task);
                put(task);
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

    private void init(Timeline timeline, Clock clock, StopSignal stop) {
        if (this.graph != null) {
            throw new IllegalStateException("a ThreadsScheduler runs one graph once");
        }
        this.graph = timeline.graph();
        this.timeline = timeline;
        this.clock = clock;
        this.stop = stop;
        main = workers;
        int threads = workers + 1;
        continuation = new int[threads];
        taskOn = new int[threads];
        Arrays.fill(taskOn, -1);
        entry = new long[threads];
        savedSwitch = new long[threads];
        windowVersion = new long[threads];
        cpuVersion = new long[threads];
        waitingForGil = new boolean[threads];
        remaining = new long[threads];
        burnStart = new long[threads];
        shareWork = new double[threads];
        int n = graph.size();
        waitingOn = new int[n];
        for (int task = 0; task < n; task++) {
            waitingOn[task] = graph.dependencyCount(task);
        }
        limitValue = new int[graph.limitCount()];
        limitWaiters = new IntFifo[graph.limitCount()];
        for (int limit = 0; limit < limitValue.length; limit++) {
            limitValue[limit] = graph.limitValue(limit);
            limitWaiters[limit] = new IntFifo();
        }
    }

    /** Virtual: jump to the next event. Real: wait for it, burning CPU while the model's holder computes. */
    private void awaitNextEvent() {
        long next = events.peekTime();
        long now = clock.nanos();
        if (next <= now) {
            return;
        }
        boolean computing = gil ? holder >= 0 && !inTransit && continuation[holder] == BURN : burners > 0;
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
            case WINDOW -> windowEnds(thread, version);
            case HANDED_OVER -> {
                inTransit = false;
                agenda.add(thread << 1 | RUN);
            }
            case CPU_DONE -> {
                if (version == cpuVersion[thread] && (!gil || holder == thread)) {
                    if (!gil) {
                        updateShares();
                        burners--;
                        continuation[thread] = IDLE;
                        rescheduleShares();
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

    /** G1. */
    private void take(int thread) {
        if (!gil) {
            agenda.add(thread << 1 | RUN);
        } else if (holder < 0) {
            grant(thread, false);
        } else {
            joinWaiters(thread);
        }
    }

    private void joinWaiters(int thread) {
        waitingForGil[thread] = true;
        entry[thread] = ++seq;
        savedSwitch[thread] = switches;
        arm(clock.nanos() + SWITCH_INTERVAL_NANOS, WINDOW, thread, ++windowVersion[thread]);
    }

    /** G2; a calibrated model delays a hand-off to a waiting thread by the measured cost. */
    private void grant(int thread, boolean toWaiter) {
        waitingForGil[thread] = false;
        windowVersion[thread]++;
        holder = thread;
        if (thread != lastHolder) {
            switches++;
            lastHolder = thread;
        }
        if (toWaiter && handoffNanos > 0) {
            inTransit = true;
            arm(clock.nanos() + handoffNanos, HANDED_OVER, thread, 0);
        } else {
            agenda.add(thread << 1 | RUN);
        }
    }

    /** G3, and G4 when the window ends with no switch since it was armed. */
    private void windowEnds(int thread, long version) {
        if (version != windowVersion[thread] || !waitingForGil[thread]) {
            return;
        }
        // CPython resets a drop request when the GIL is taken, so none counts while it is in transit.
        boolean request = holder >= 0 && !inTransit && switches == savedSwitch[thread];
        joinWaiters(thread);
        if (request) {
            int dropped = holder;
            if (continuation[dropped] != BURN) {
                throw new IllegalStateException("the GIL holder at a timed event is not computing");
            }
            remaining[dropped] -= clock.nanos() - burnStart[dropped];
            cpuVersion[dropped]++;
            continuation[dropped] = RESUME_BURN;
            holder = -1;
            grant(longestWaiter(), true);
            agenda.add(dropped << 1 | TAKE);
        }
    }

    /** G5. */
    private void release() {
        if (!gil) {
            return;
        }
        holder = -1;
        int next = longestWaiter();
        if (next >= 0) {
            grant(next, true);
        }
    }

    private int longestWaiter() {
        int best = -1;
        for (int thread = 0; thread <= main; thread++) {
            if (waitingForGil[thread] && (best < 0 || entry[thread] < entry[best])) {
                best = thread;
            }
        }
        return best;
    }

    /** A thread holding the GIL (or, without it, running) takes its next step. */
    private void step(int thread) {
        switch (continuation[thread]) {
            case MAIN -> mainStep();
            case QUEUE_WAKE -> {
                queueLocked = true;
                get(thread);
            }
            case SLEEP_END -> finish(thread);
            case RESUME_BURN -> {
                continuation[thread] = BURN;
                burnStart[thread] = clock.nanos();
                arm(clock.nanos() + remaining[thread], CPU_DONE, thread, cpuVersion[thread]);
            }
            case LIMIT_WAKE -> {
                int limit = graph.limit(taskOn[thread]);
                if (limitValue[limit] > 0) {
                    limitValue[limit]--;
                    if (beginWork(thread)) {
                        finish(thread);
                    }
                } else {
                    limitWaiters[limit].add(thread); // Condition.wait again, at the tail
                    continuation[thread] = IDLE;
                    release();
                }
            }
            default -> throw new IllegalStateException("thread " + thread + " has nothing to do");
        }
    }

    /** Q5: the main thread takes every completion, submits what became ready, and waits again (or is done). */
    private void mainStep() {
        int[] ready = new int[4];
        int count = 0;
        while (!completions.isEmpty()) {
            int task = completions.poll();
            for (int k = 0; k < graph.dependentCount(task); k++) {
                int dependent = graph.dependent(task, k);
                if (--waitingOn[dependent] == 0) {
                    if (count == ready.length) {
                        ready = Arrays.copyOf(ready, count * 2);
                    }
                    ready[count++] = dependent;
                }
            }
        }
        Arrays.sort(ready, 0, count);
        for (int i = 0; i < count; i++) {
            timeline.ready(ready[i]);
            put(ready[i]);
        }
        if (finishedTasks == graph.size()) {
            mainDone = true;
        } else {
            mainBlocked = true;
        }
        continuation[main] = IDLE;
        release();
    }

    /** Q1: {@code SimpleQueue.put} by the main thread. */
    private void put(int task) {
        items.add(task);
        if (queueLocked) {
            queueLocked = false;
            releaseQueueLock();
        }
    }

    /** The queue lock goes to the first blocked getter, who wakes after this step; else it is free. */
    private void releaseQueueLock() {
        if (blockedGetters.isEmpty()) {
            queueLockHeld = false;
        } else {
            int getter = blockedGetters.poll();
            continuation[getter] = QUEUE_WAKE;
            agenda.add(getter << 1 | TAKE);
        }
    }

    /** Q2: {@code SimpleQueue.get} by a worker holding the GIL. */
    private void get(int thread) {
        while (true) {
            if (!items.isEmpty()) {
                int task = items.poll();
                if (queueLocked) {
                    releaseQueueLock();
                    queueLocked = false;
                }
                taskOn[thread] = task;
                if (!startTask(thread)) {
                    return; // computing, sleeping or waiting for its limit
                }
                completeTask(thread);
                continue;
            }
            if (!queueLockHeld) {
                queueLockHeld = true;
                queueLocked = true;
                continue;
            }
            blockedGetters.add(thread);
            continuation[thread] = IDLE;
            release();
            return;
        }
    }

    /** Takes the task's limit if it has one, then begins its work; true if the work is already done. */
    private boolean startTask(int thread) {
        int limit = graph.limit(taskOn[thread]);
        if (limit >= 0) {
            if (limitValue[limit] == 0) {
                limitWaiters[limit].add(thread);
                continuation[thread] = IDLE;
                release();
                return false;
            }
            limitValue[limit]--;
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
            if (gil) {
                remaining[thread] = duration;
                burnStart[thread] = now;
                arm(now + duration, CPU_DONE, thread, ++cpuVersion[thread]);
            } else {
                updateShares();
                shareWork[thread] = duration;
                burners++;
                rescheduleShares();
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
            limitValue[limit]++; // Semaphore.release(): notify the first waiter
            if (!limitWaiters[limit].isEmpty()) {
                int waiter = limitWaiters[limit].poll();
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

    /** Without the GIL: brings every computing thread's work left up to now at the current share. */
    private void updateShares() {
        long now = clock.nanos();
        if (burners > 0) {
            double rate = Math.min(1.0, (double) cores / burners);
            for (int thread = 0; thread < workers; thread++) {
                if (continuation[thread] == BURN) {
                    shareWork[thread] -= (now - sharesUpdated) * rate;
                }
            }
        }
        sharesUpdated = now;
    }

    /** Without the GIL: re-arms every computing thread's end at the new share. */
    private void rescheduleShares() {
        if (burners == 0) {
            return;
        }
        long now = clock.nanos();
        double rate = Math.min(1.0, (double) cores / burners);
        for (int thread = 0; thread < workers; thread++) {
            if (continuation[thread] == BURN) {
                long left = (long) Math.ceil(Math.max(0, shareWork[thread]) / rate);
                arm(now + left, CPU_DONE, thread, ++cpuVersion[thread]);
            }
        }
    }
}
