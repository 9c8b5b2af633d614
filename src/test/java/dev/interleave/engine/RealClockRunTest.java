package dev.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunListener;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.run.TaskState;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real runs on the system clock and real threads. Tolerances are generous on the slow side (a shared CI machine
 * can be late) and strict on the fast side (nothing can finish before its work is done). Measured values are
 * printed. Takes about 3 s.
 */
@Tag("slow")
class RealClockRunTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static RunResult run(TaskGraph graph, SchedulerSpec scheduler) throws Exception {
        RunResult result =
                ENGINE.start(graph, scheduler, RunListener.NONE).outcome().get(10, TimeUnit.SECONDS);
        System.out.printf(
                "real %s %s: makespan %.1f ms (predicted %.1f ms)%n",
                scheduler.describe(),
                graph.name(),
                result.makespanMillis(),
                ENGINE.simulate(graph, scheduler).makespanMillis());
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.virtual()).isFalse();
        return result;
    }

    @Test
    void eventLoopOverlapsIoWaits() throws Exception {
        var result = run(
                GraphSpec.named("io 200 + io 300").io("a", 200).io("b", 300).graph(), new SchedulerSpec.EventLoop());
        assertThat(result.makespanNanos()).isBetween(300 * MS, 400 * MS);
        assertThat(result.task("a").endNanos()).isBetween(200 * MS, 300 * MS);
    }

    @Test
    void eventLoopSerialisesBlockingCalls() throws Exception {
        var result = run(
                GraphSpec.named("blocking 100 + 150")
                        .blocking("a", 100)
                        .blocking("b", 150)
                        .graph(),
                new SchedulerSpec.EventLoop());
        assertThat(result.makespanNanos()).isBetween(250 * MS, 350 * MS);
        assertThat(result.task("b").startNanos())
                .isGreaterThanOrEqualTo(result.task("a").endNanos());
    }

    @Test
    void twoLanesBurnCpuAtTheSameTime() throws Exception {
        var result = run(
                GraphSpec.named("cpu 200 + 200").cpu("a", 200).cpu("b", 200).graph(), new SchedulerSpec.Parallel(2));
        TaskTiming a = result.task("a");
        TaskTiming b = result.task("b");
        assertThat(a.lane()).isNotEqualTo(b.lane());
        assertThat(b.startNanos()).as("b starts while a burns").isLessThan(a.endNanos());
        // Expect about 200-300 ms on an idle 2-core machine (printed above). Each task burns 200 ms of its own
        // thread's CPU time, so on a loaded machine both stretch in wall time; what must hold under any load is
        // that the run takes less than the two burns one after the other.
        long oneAfterTheOther = (a.endNanos() - a.startNanos()) + (b.endNanos() - b.startNanos());
        assertThat(result.makespanNanos()).isGreaterThanOrEqualTo(200 * MS).isLessThan(oneAfterTheOther);
    }

    @Test
    void threadsUnderTheGilComputeOneAtATimeAndOverlapWaits() throws Exception {
        var cpu =
                run(GraphSpec.named("cpu 100 + 100").cpu("a", 100).cpu("b", 100).graph(), new SchedulerSpec.Threads(2));
        // The model's GIL holder burns real CPU on the run's thread: two 100 ms burns take at least 200 ms.
        assertThat(cpu.makespanNanos()).isGreaterThanOrEqualTo(200 * MS);
        assertThat(cpu.task("b").startNanos())
                .as("b starts at a forced switch")
                .isLessThan(cpu.task("a").endNanos());
        var io = run(GraphSpec.named("io 150 x 2").io("a", 150).io("b", 150).graph(), new SchedulerSpec.Threads(2));
        assertThat(io.makespanNanos()).isBetween(150 * MS, 280 * MS);
    }

    @Test
    void offloadedBlockingCallsOverlapOnTheDefaultExecutor() throws Exception {
        var graph = GraphSpec.named("to_thread 150 x 2")
                .add(dev.interleave.engine.graph.TaskSpec.of("a", dev.interleave.engine.graph.TaskKind.BLOCKING_IO, 150)
                        .offloaded())
                .add(dev.interleave.engine.graph.TaskSpec.of("b", dev.interleave.engine.graph.TaskKind.BLOCKING_IO, 150)
                        .offloaded())
                .graph();
        var result = run(graph, new SchedulerSpec.EventLoop());
        assertThat(result.makespanNanos()).isBetween(150 * MS, 280 * MS);
        assertThat(result.task("a").lane())
                .isNotEqualTo(result.task("b").lane())
                .isPositive();
    }

    static Stream<SchedulerSpec> schedulers() {
        return Stream.of(
                new SchedulerSpec.Sequential(),
                new SchedulerSpec.EventLoop(),
                new SchedulerSpec.Parallel(2),
                new SchedulerSpec.Threads(2));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void cancellingARunningCpuTaskStopsItPromptly(SchedulerSpec scheduler) throws Exception {
        TaskGraph graph = GraphSpec.named("long cpu")
                .cpu("burn", 5_000)
                .io("after", 10, "burn")
                .graph();
        var working = new CountDownLatch(1);
        RunHandle handle = ENGINE.start(graph, scheduler, batch -> {
            if (batch.stream().anyMatch(e -> e instanceof RunEvent.WorkStarted w && "burn".equals(w.task()))) {
                working.countDown();
            }
        });
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // let it burn for a while
        long askedAt = System.nanoTime();
        assertThat(handle.cancel()).isTrue();
        RunResult result = handle.outcome().get(5, TimeUnit.SECONDS);
        long stoppedWithinNanos = System.nanoTime() - askedAt;
        System.out.printf(
                "cancel on %s: run ended %.2f ms after cancel()%n", scheduler.describe(), stoppedWithinNanos / 1e6);
        assertThat(handle.cancel()).as("a second cancel is a no-op").isFalse();
        assertThat(stoppedWithinNanos).isLessThan(100 * MS);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.reason()).isNotBlank();
        TaskTiming burn = result.task("burn");
        assertThat(burn.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(burn.startNanos()).isNotEqualTo(TaskTiming.ABSENT);
        assertThat(burn.endNanos()).isLessThan(1_000 * MS);
        assertThat(result.task("after").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(result.task("after").startNanos()).isEqualTo(TaskTiming.ABSENT);
        assertThat(result.events().getLast())
                .isInstanceOfSatisfying(
                        RunEvent.RunFinished.class, f -> assertThat(f.status()).isEqualTo(RunStatus.CANCELLED));
    }

    @Test
    void deadlineStopsTheRunAsTimedOutWithItsPartialTimeline() throws Exception {
        TaskGraph graph = GraphSpec.named("too slow")
                .io("quick", 50)
                .io("slow", 1_000)
                .cpu("later", 10, "slow")
                .graph();
        RunResult result = ENGINE.start(graph, new SchedulerSpec.EventLoop(), Duration.ofMillis(200), RunListener.NONE)
                .outcome()
                .get(5, TimeUnit.SECONDS);
        System.out.printf("deadline 200 ms: run stopped at %.1f ms%n", result.makespanMillis());
        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(result.reason()).contains("200 ms");
        assertThat(result.task("quick").state()).isEqualTo(TaskState.FINISHED);
        assertThat(result.task("slow").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(result.task("slow").startNanos()).isLessThan(50 * MS);
        assertThat(result.task("later").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(result.makespanNanos()).isBetween(200 * MS, 300 * MS);
    }

    @Test
    void aSlowListenerDoesNotSlowTheRun() throws Exception {
        // 3,000 io tasks emit about 21,000 events: at least 21 batches of 1,000, so at 50 ms a batch the
        // listener needs over a second; the run itself needs about 300 ms.
        var spec = GraphSpec.named("many waits");
        for (int i = 0; i < 3_000; i++) {
            spec.io("t" + i, 300);
        }
        TaskGraph graph = spec.graph();
        List<RunEvent> received = new CopyOnWriteArrayList<>();
        RunHandle handle = ENGINE.start(graph, new SchedulerSpec.EventLoop(), batch -> {
            received.addAll(batch);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RunResult result = handle.outcome().get(10, TimeUnit.SECONDS);
        int deliveredWhenRunEnded = received.size();
        System.out.printf(
                "slow listener: run took %.1f ms; %d of %d events delivered by then%n",
                result.makespanMillis(), deliveredWhenRunEnded, result.eventCount());
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.makespanNanos()).isLessThan(600 * MS);
        assertThat((long) deliveredWhenRunEnded).isLessThan(result.eventCount());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == result.eventCount());
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i).seq()).isEqualTo(i);
        }
        assertThat(received.getLast()).isInstanceOf(RunEvent.RunFinished.class);
    }
}
