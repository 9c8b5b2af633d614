package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.Timeline;
import java.util.Arrays;

/**
 * The event loop's default executor ({@code ThreadPoolExecutor(min(32, cores + 4))} of CPython 3.11 on
 * {@code _queue.SimpleQueue}) and its threads' share of the GIL, as the loop thread sees them. It replays the
 * pool's bookkeeping: lazy thread creation, the {@code _idle_semaphore} (which counts finished jobs, not idle
 * threads), the FIFO work queue and the queue lock handed from a {@code put()} to the first blocked getter.
 *
 * <p>The GIL rule (the loop thread holds the GIL whenever it runs Python code): a worker thread that needs the GIL
 * (to start a job after a {@code put()} woke it, or to report a finished job) gets it
 * <ul>
 *   <li>as soon as the loop thread blocks: in {@code select} with a timeout, in a blocking call of its own, or in
 *       {@code Thread.start()} of a new worker ({@link #drain});</li>
 *   <li>while the loop burns cpu, at (earliest pending request + 5 ms), CPython's switch interval; every worker
 *       waiting by then rides along ({@link #nextSwitchNanos}).</li>
 * </ul>
 * Every step a worker takes with the GIL is zero-time bookkeeping, except an offloaded cpu job, which holds the
 * GIL for its whole duration (an exclusive-GIL approximation: the loop cannot run meanwhile).
 *
 * <p>Invariants: only the loop's thread calls this object; a thread is in exactly one of: blocked getter, GIL
 * waiter, sleeping in a job, or running (only inside {@link #drain}); completions reach the loop through
 * {@link Loop#completed} in the order the workers report them.
 */
final class DefaultExecutor {

    /** CPython's default {@code sys.getswitchinterval()}: 5 ms. */
    static final long SWITCH_INTERVAL_NANOS = 5_000_000;

    /** What a GIL waiter does once it holds the GIL. */
    private static final int NEW_THREAD = 0;

    private static final int QUEUE_WAKE = 1;
    private static final int REPORT = 2;

    /** The loop side: receives a finished job's completion ({@code call_soon_threadsafe(_set_state)}). */
    interface Loop {
        void completed(int task);
    }

    private final TaskGraph graph;
    private final Timeline timeline;
    private final Clock clock;
    private final StopSignal stop;
    private final Loop loop;
    private final int maxThreads;

    private int threads;
    private int idleSemaphore;
    /** Per thread: what it does when it gets the GIL, when it asked, and its job (task, end time) while sleeping. */
    private final int[] continuation;

    private final long[] requestedAt;
    private final int[] job;
    private final long[] jobEnd;

    private final IntFifo gilWaiters = new IntFifo();
    private final IntFifo blockedGetters = new IntFifo();
    private final IntFifo items = new IntFifo();
    /** The SimpleQueue's lock is held (by a getter, blocked or woken); {@code locked} is the queue's own flag. */
    private boolean lockHeld;

    private boolean locked;
    /** A completion wrote the self-pipe since the loop last read it. */
    private boolean pipeWritten;
    /**
     * The task being submitted, while {@link #submit} runs, and whether its job already finished: its future then
     * gets its done-callback only when {@code run_in_executor} wraps it, after the submit returned, so its
     * {@code _set_state} is queued then, after every report made during the submit.
     */
    private int submitting = -1;

    private boolean submittedJobDone;

    DefaultExecutor(TaskGraph graph, Timeline timeline, Clock clock, StopSignal stop, Loop loop, int maxThreads) {
        this.graph = graph;
        this.timeline = timeline;
        this.clock = clock;
        this.stop = stop;
        this.loop = loop;
        this.maxThreads = maxThreads;
        continuation = new int[maxThreads];
        requestedAt = new long[maxThreads];
        job = new int[maxThreads];
        jobEnd = new long[maxThreads];
        Arrays.fill(job, -1);
    }

    /** {@code executor.submit(job)} from the loop thread: {@code put()}, then {@code _adjust_thread_count()}. */
    void submit(int task) {
        submitting = task;
        items.add(task);
        if (locked) {
            locked = false;
            releaseQueueLock();
        }
        if (idleSemaphore > 0) {
            idleSemaphore--;
        } else if (threads < maxThreads) {
            int thread = threads++;
            wantGil(thread, NEW_THREAD);
            drain(); // Thread.start() blocks the loop until the new thread has run
        }
        submitting = -1;
        if (submittedJobDone) {
            submittedJobDone = false;
            loop.completed(task); // wrap_future's add_done_callback on a done future calls back at once
        }
    }

    /** True while any job is queued, running or unreported, or a worker still needs the GIL. */
    boolean busy() {
        if (!items.isEmpty() || !gilWaiters.isEmpty()) {
            return true;
        }
        for (int thread = 0; thread < threads; thread++) {
            if (job[thread] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A completion wrote the self-pipe and the loop has not read it yet: its selector reports it readable. */
    boolean pipeWritten() {
        return pipeWritten;
    }

    /** {@code _read_from_self} ran: it reads every byte written so far. */
    void pipeRead() {
        pipeWritten = false;
    }

    /** When the earliest sleeping job ends, or {@link Long#MAX_VALUE}. */
    long nextJobEndNanos() {
        long next = Long.MAX_VALUE;
        for (int thread = 0; thread < threads; thread++) {
            if (job[thread] >= 0 && continuation[thread] != REPORT && jobEnd[thread] < next) {
                next = jobEnd[thread];
            }
        }
        return next;
    }

    /** Every job whose sleep ended by {@code nanos} asks for the GIL to report, earliest end first. */
    void endJobsUpTo(long nanos) {
        while (true) {
            int first = -1;
            for (int thread = 0; thread < threads; thread++) {
                boolean sleeping = job[thread] >= 0 && continuation[thread] != REPORT;
                if (sleeping && jobEnd[thread] <= nanos && (first < 0 || jobEnd[thread] < jobEnd[first])) {
                    first = thread;
                }
            }
            if (first < 0) {
                return;
            }
            continuation[first] = REPORT;
            requestedAt[first] = jobEnd[first];
            gilWaiters.add(first);
        }
    }

    /** While the loop burns cpu from now: when the GIL is next forced over to the workers, or MAX_VALUE. */
    long nextSwitchNanos() {
        if (gilWaiters.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return Math.max(requestedAt[gilWaiters.peek()] + SWITCH_INTERVAL_NANOS, clock.nanos());
    }

    /** The loop thread does not hold the GIL: every waiting worker runs its step, in request order. */
    void drain() {
        while (!gilWaiters.isEmpty() && !stop.isStopped()) {
            int thread = gilWaiters.poll();
            switch (continuation[thread]) {
                case NEW_THREAD -> get(thread);
                case QUEUE_WAKE -> {
                    locked = true;
                    get(thread);
                }
                case REPORT -> {
                    report(thread);
                    get(thread);
                }
                default -> throw new IllegalStateException("thread " + thread + " has no step");
            }
        }
    }

    private void wantGil(int thread, int step) {
        continuation[thread] = step;
        requestedAt[thread] = clock.nanos();
        gilWaiters.add(thread);
    }

    /** {@code SimpleQueue.get()} by a worker holding the GIL: pop and start a job, or block on the queue lock. */
    private void get(int thread) {
        while (true) {
            if (!items.isEmpty()) {
                int task = items.poll();
                if (locked) {
                    releaseQueueLock();
                    locked = false;
                }
                if (startJob(thread, task)) {
                    return; // sleeping; it asks for the GIL again when the sleep ends
                }
                report(thread);
                continue;
            }
            if (!lockHeld) {
                lockHeld = true;
                locked = true;
                continue;
            }
            blockedGetters.add(thread);
            return;
        }
    }

    /** A release hands the lock to the first blocked getter, who then needs the GIL; else the lock is free. */
    private void releaseQueueLock() {
        if (blockedGetters.isEmpty()) {
            lockHeld = false;
        } else {
            wantGil(blockedGetters.poll(), QUEUE_WAKE);
        }
    }

    /** Starts {@code task} on {@code thread}; true if it sleeps (releasing the GIL), false if already done. */
    private boolean startJob(int thread, int task) {
        job[thread] = task;
        timeline.workStarted(task, 1 + thread);
        long duration = graph.durationNanos(task);
        if (graph.kind(task) == TaskKind.CPU) {
            clock.occupy(TaskKind.CPU, duration, stop); // holds the GIL: nothing else runs meanwhile
            jobEnd[thread] = clock.nanos();
            return false;
        }
        jobEnd[thread] = clock.nanos() + duration;
        if (duration == 0) {
            return false; // time.sleep(0) keeps the GIL
        }
        continuation[thread] = -1;
        return true;
    }

    /** The job's future is set: {@code call_soon_threadsafe(_set_state)} on the loop, then the idle count. */
    private void report(int thread) {
        int task = job[thread];
        job[thread] = -1;
        timeline.timerDue(task, jobEnd[thread]);
        if (task == submitting) {
            submittedJobDone = true;
        } else {
            loop.completed(task);
        }
        pipeWritten = true;
        idleSemaphore++;
    }
}
