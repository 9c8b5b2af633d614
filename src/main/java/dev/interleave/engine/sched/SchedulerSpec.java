package dev.interleave.engine.sched;

import dev.interleave.engine.graph.GraphMetrics;

/** Which scheduler to run a graph on; the wire names are the public contract. */
public sealed interface SchedulerSpec {

    int MAX_WORKERS = 64;
    /** Most cores a scheduler option may claim; the option only sizes pools and bounds parallel CPU. */
    int MAX_CORES = 1024;
    /** {@code os.cpu_count()} assumed when a run does not say, so a prediction never depends on the server. */
    int DEFAULT_CORES = 4;

    String wireName();

    int laneCount();

    /** No schedule of this kind can finish the graph sooner than this. */
    long lowerBoundNanos(GraphMetrics metrics);

    /** One lane, one task at a time, earliest-declared ready task first. Limits and offload change nothing. */
    record Sequential() implements SchedulerSpec {
        public String wireName() {
            return "sequential";
        }

        public int laneCount() {
            return 1;
        }

        public long lowerBoundNanos(GraphMetrics metrics) {
            return metrics.totalWorkNanos();
        }
    }

    /**
     * One thread running a model of CPython's asyncio loop; offloaded work runs on its default executor of
     * {@code min(32, cores + 4)} threads, lanes 1 and up.
     */
    record EventLoop(int cores) implements SchedulerSpec {
        public EventLoop {
            checkCores(cores);
        }

        public EventLoop() {
            this(DEFAULT_CORES);
        }

        /** {@code ThreadPoolExecutor()}'s default size in CPython 3.8 and later. */
        public int executorThreads() {
            return Math.min(32, cores + 4);
        }

        public String wireName() {
            return "event_loop";
        }

        /** The loop only; a run with offloaded work also uses the executor's lanes. */
        public int laneCount() {
            return 1;
        }

        public long lowerBoundNanos(GraphMetrics metrics) {
            long bound = Math.max(metrics.criticalPathNanos(), metrics.loopHoldingWorkNanos());
            bound = Math.max(bound, metrics.limitBoundNanos());
            if (metrics.offloadedWorkNanos() > 0) {
                // Every cpu task needs the one GIL, on the loop or on an executor thread.
                bound = Math.max(bound, metrics.cpuWorkNanos());
                int threads = executorThreads();
                bound = Math.max(bound, (metrics.offloadedWorkNanos() + threads - 1) / threads);
            }
            return bound;
        }
    }

    /** {@code workers} lanes fed from one FIFO ready queue (list scheduling). */
    record Parallel(int workers) implements SchedulerSpec {
        public Parallel {
            checkWorkers(workers);
        }

        public String wireName() {
            return "parallel";
        }

        public int laneCount() {
            return workers;
        }

        public long lowerBoundNanos(GraphMetrics metrics) {
            long spread = (metrics.totalWorkNanos() + workers - 1) / workers;
            return Math.max(Math.max(metrics.criticalPathNanos(), spread), metrics.limitBoundNanos());
        }
    }

    /**
     * A {@code ThreadPoolExecutor(workers)} fed by the main thread as dependencies complete. With {@code gil}, one
     * thread computes at a time (CPython's GIL, 5 ms switch interval); without, threads compute in parallel on at
     * most {@code cores} cores (a model of a free-threaded build, not checked against one).
     *
     * @param handoffNanos        calibration: how long a GIL hand-off to a waiting thread takes (0: the ideal GIL)
     * @param sleepOvershootNanos calibration: how much later than asked a {@code time.sleep} returns (0: ideal)
     */
    record Threads(int workers, boolean gil, int cores, long handoffNanos, long sleepOvershootNanos)
            implements SchedulerSpec {
        public Threads {
            checkWorkers(workers);
            checkCores(cores);
            if (handoffNanos < 0 || sleepOvershootNanos < 0) {
                throw new IllegalArgumentException("calibration costs must be >= 0");
            }
        }

        /** The ideal GIL: hand-offs and sleeps take exactly their model time. */
        public Threads(int workers, boolean gil, int cores) {
            this(workers, gil, cores, 0, 0);
        }

        public Threads(int workers) {
            this(workers, true, DEFAULT_CORES);
        }

        /** The same model with measured machine costs. */
        public Threads calibrated(long handoff, long sleepOvershoot) {
            return new Threads(workers, gil, cores, handoff, sleepOvershoot);
        }

        public String wireName() {
            return "threads";
        }

        public int laneCount() {
            return workers;
        }

        public long lowerBoundNanos(GraphMetrics metrics) {
            long spread = (metrics.totalWorkNanos() + workers - 1) / workers;
            long bound = Math.max(Math.max(metrics.criticalPathNanos(), spread), metrics.limitBoundNanos());
            int computing = gil ? 1 : Math.min(workers, cores);
            return Math.max(bound, (metrics.cpuWorkNanos() + computing - 1) / computing);
        }
    }

    /** A short human-readable form, e.g. {@code parallel(4)}, {@code threads(4, no GIL)}. */
    default String describe() {
        return switch (this) {
            case Parallel p -> "parallel(" + p.workers() + ")";
            case Threads t -> "threads(" + t.workers() + (t.gil() ? "" : ", no GIL") + ")";
            default -> wireName();
        };
    }

    private static void checkWorkers(int workers) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be from 1 to " + MAX_WORKERS + ", was " + workers);
        }
    }

    private static void checkCores(int cores) {
        if (cores < 1 || cores > MAX_CORES) {
            throw new IllegalArgumentException("cores must be from 1 to " + MAX_CORES + ", was " + cores);
        }
    }
}
