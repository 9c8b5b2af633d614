package dev.interleave.engine.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real CPU work on real threads: many lanes share the machine's cores, each still gets its CPU time. */
@Tag("slow")
class CpuWorkTest {

    private static final StopSignal NEVER = new StopSignal();

    @Test
    void manyLanesBurnAtMostOneThreadPerCoreAndEachGetsItsCpuTime() throws Exception {
        int lanes = CpuWork.CORES * 4;
        long cpuNanos = TimeUnit.MILLISECONDS.toNanos(30);
        var threads = ManagementFactory.getThreadMXBean();
        var pool = Executors.newFixedThreadPool(lanes);
        try {
            CpuWork.mostBurningSinceLastAsked();
            List<Callable<Long>> burns = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                burns.add(() -> {
                    long before = threads.getCurrentThreadCpuTime();
                    assertThat(CpuWork.burn(cpuNanos, NEVER)).isTrue();
                    return threads.getCurrentThreadCpuTime() - before;
                });
            }
            for (Future<Long> used : pool.invokeAll(burns, 60, TimeUnit.SECONDS)) {
                assertThat(used.get()).isGreaterThanOrEqualTo(cpuNanos);
            }
            assertThat(CpuWork.mostBurningSinceLastAsked())
                    .as("threads burning at once, %d lanes on %d cores", lanes, CpuWork.CORES)
                    .isBetween(1, CpuWork.CORES);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStopIsSeenWhileWaitingForACore() throws Exception {
        var pool = Executors.newFixedThreadPool(CpuWork.CORES + 1);
        try {
            var hogs = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < CpuWork.CORES; i++) {
                hogs.add(pool.submit(() -> CpuWork.burn(TimeUnit.MILLISECONDS.toNanos(300), NEVER)));
            }
            var stop = new StopSignal();
            Future<Boolean> waiting = pool.submit(() -> CpuWork.burn(TimeUnit.SECONDS.toNanos(10), stop));
            Thread.sleep(50);
            stop.stop(StopSignal.Reason.CANCELLED);
            assertThat(waiting.get(5, TimeUnit.SECONDS))
                    .as("a stopped burn reports it did not finish")
                    .isFalse();
            for (var hog : hogs) {
                assertThat(hog.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
