package dev.interleave.engine.sched;

import dev.interleave.engine.graph.GraphMetrics;

/** Which scheduler to run a graph on; the wire names are the public contract. */
public sealed interface SchedulerSpec {

    int MAX_WORKERS = 64;

    String wireName();

    int laneCount();

    /** No schedule of this kind can finish the graph sooner than this. */
    long lowerBoundNanos(GraphMetrics metrics);

    /** One lane, one task at a time, earliest-declared ready task first. */
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

    /** One thread running a model of CPython's asyncio loop. */
    record EventLoop() implements SchedulerSpec {
        public String wireName() {
            return "event_loop";
        }

        public int laneCount() {
            return 1;
        }

        public long lowerBoundNanos(GraphMetrics metrics) {
            return Math.max(metrics.criticalPathNanos(), metrics.loopHoldingWorkNanos());
        }
    }

    /** {@code workers} lanes fed from one FIFO ready queue (list scheduling). */
    record Parallel(int workers) implements SchedulerSpec {
        public Parallel {
            if (workers < 1 || workers > MAX_WORKERS) {
                throw new IllegalArgumentException("workers must be from 1 to " + MAX_WORKERS + ", was " + workers);
            }
        }

        public String wireName() {
            return "parallel";
        }

        public int laneCount() {
            return workers;
        }

        public long lowerBoundNanos(GraphMetrics metrics) {
            long spread = (metrics.totalWorkNanos() + workers - 1) / workers;
            return Math.max(metrics.criticalPathNanos(), spread);
        }
    }

    /** A short human-readable form, e.g. {@code parallel(4)}. */
    default String describe() {
        return this instanceof Parallel p ? "parallel(" + p.workers() + ")" : wireName();
    }
}
