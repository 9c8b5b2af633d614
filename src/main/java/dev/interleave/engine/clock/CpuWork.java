package dev.interleave.engine.clock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Real computation: mixes numbers until the calling thread's CPU clock has advanced by the requested amount.
 * Measured in thread CPU time, not wall time, so a task that must share a core takes longer in wall time,
 * exactly as real CPU-bound code does.
 */
final class CpuWork {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * Rounds of mixing between two looks at the CPU clock. ~20 µs on current hardware: small enough to stop
     * well within 10 ms of a cancel, large enough that reading the clock costs little.
     */
    private static final int ROUNDS_PER_CHECK = 20_000;
    // Written so the JIT cannot prove the work useless; its value means nothing.
    private static volatile long sink;

    private CpuWork() {}

    static boolean burn(long cpuNanos, StopSignal stop) {
        if (cpuNanos <= 0) {
            return !stop.isStopped();
        }
        long until = THREADS.getCurrentThreadCpuTime() + cpuNanos;
        long x = sink | 1;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            if (stop.isStopped()) {
                sink = x;
                return false;
            }
            for (int i = 0; i < ROUNDS_PER_CHECK; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        sink = x;
        return true;
    }
}
