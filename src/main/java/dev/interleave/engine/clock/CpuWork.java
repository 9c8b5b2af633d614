package dev.interleave.engine.clock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real computation: mixes numbers until the calling thread's CPU clock has advanced by the requested amount.
 * Measured in thread CPU time, not wall time, so a task that must share a core takes longer in wall time,
 * exactly as real CPU-bound code does.
 *
 * <p>All runs of the process share the machine's cores through one fair gate: at most as many threads burn at
 * once as there are cores, each holding a core for a slice of about a millisecond of CPU time, then queueing
 * again. So a run with 64 workers on 2 cores is 64 logical lanes taking turns on 2 cores, as 64 processes would
 * be, instead of 64 runnable threads crowding out every other request's thread. Waiting at the gate costs no
 * CPU time, so each task still gets exactly its CPU time; its wall time shows the sharing.
 */
final class CpuWork {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Cores of the machine: how many threads may burn at once, across every run. */
    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Fair, so lanes waiting for a core get it in arrival order (round-robin, like a scheduler's run queue). */
    private static final Semaphore GATE = new Semaphore(CORES, true);
    /**
     * Checks of the CPU clock (~20 µs each) per turn at the gate: ~1 ms of CPU per turn. Shorter turns share the
     * cores more finely and cost more gate hand-offs; 1 ms is well below any task the timeline can show apart.
     */
    private static final int CHECKS_PER_TURN = 50;
    /** Threads inside the gate now, and the most there have been (read by tests). */
    private static final AtomicInteger burning = new AtomicInteger();

    private static final AtomicInteger mostBurning = new AtomicInteger();
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
            if (stop.isStopped() || !enterGate(stop)) {
                sink = x;
                return false;
            }
            try {
                for (int check = 0; check < CHECKS_PER_TURN && THREADS.getCurrentThreadCpuTime() < until; check++) {
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
            } finally {
                burning.decrementAndGet();
                GATE.release();
            }
        }
        sink = x;
        return true;
    }

    /** Waits for a core (in turns of a millisecond, so a stop is seen within one); false if stopped meanwhile. */
    private static boolean enterGate(StopSignal stop) {
        try {
            while (!GATE.tryAcquire(1, TimeUnit.MILLISECONDS)) {
                if (stop.isStopped()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        mostBurning.accumulateAndGet(burning.incrementAndGet(), Math::max);
        return true;
    }

    /** The most threads that have burned at once since the last call (then reset); for tests. */
    static int mostBurningSinceLastAsked() {
        return mostBurning.getAndSet(burning.get());
    }
}
