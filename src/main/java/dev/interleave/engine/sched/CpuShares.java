package dev.interleave.engine.sched;

/**
 * Without the GIL (a model of a free-threaded build): the threads computing share {@code cores} cores equally,
 * each at rate {@code min(1, cores / computing)}. Whenever the set of computing threads changes, every computing
 * thread's work left is brought up to date at the old rate and its end re-armed at the new one.
 *
 * <p>Invariant: {@code burners} is the number of {@code true} entries of {@code computing}.
 */
final class CpuShares {

    /** Arms (or re-arms, making the previous one stale) the end of {@code thread}'s computation. */
    interface Arming {
        void cpuDoneAt(int thread, long atNanos);
    }

    private final int cores;
    private final Arming arming;
    private final boolean[] computing;
    private final double[] workLeft;
    private int burners;
    private long updatedNanos;

    CpuShares(int threads, int cores, Arming arming) {
        this.cores = cores;
        this.arming = arming;
        this.computing = new boolean[threads];
        this.workLeft = new double[threads];
    }

    boolean anyComputing() {
        return burners > 0;
    }

    void start(int thread, long workNanos, long nowNanos) {
        update(nowNanos);
        workLeft[thread] = workNanos;
        computing[thread] = true;
        burners++;
        rearm(nowNanos);
    }

    void finish(int thread, long nowNanos) {
        update(nowNanos);
        computing[thread] = false;
        burners--;
        rearm(nowNanos);
    }

    private void update(long nowNanos) {
        if (burners > 0) {
            double rate = Math.min(1.0, (double) cores / burners);
            for (int thread = 0; thread < computing.length; thread++) {
                if (computing[thread]) {
                    workLeft[thread] -= (nowNanos - updatedNanos) * rate;
                }
            }
        }
        updatedNanos = nowNanos;
    }

    private void rearm(long nowNanos) {
        if (burners == 0) {
            return;
        }
        double rate = Math.min(1.0, (double) cores / burners);
        for (int thread = 0; thread < computing.length; thread++) {
            if (computing[thread]) {
                long left = (long) Math.ceil(Math.max(0, workLeft[thread]) / rate);
                arming.cpuDoneAt(thread, nowNanos + left);
            }
        }
    }
}
