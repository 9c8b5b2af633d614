package dev.interleave.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.clock.VirtualClock;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.RandomDags;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.sched.Scheduler;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kept event log must give back exactly the events that were emitted, whatever the run's size. */
class TimelineTest {

    /** Every kind of task, sleep(0), a dependency awaited while pending and one already done. */
    private static final TaskGraph MIXED = GraphSpec.named("mixed")
            .io("a", 20)
            .io("zero", 0)
            .cpu("b", 5, "a")
            .blocking("c", 7)
            .io("d", 3, "b", "c")
            .graph();

    private static List<RunEvent> emittedAndKept(TaskGraph graph, SchedulerSpec spec, List<RunEvent> kept) {
        var emitted = new ArrayList<RunEvent>();
        var clock = new VirtualClock();
        var timeline = new Timeline(graph, clock, true, emitted::add);
        timeline.runStarted(spec.wireName(), spec.laneCount());
        Scheduler.of(spec).run(timeline, clock, new StopSignal());
        timeline.runFinished(RunStatus.SUCCEEDED, null);
        kept.addAll(timeline.events());
        assertThat(timeline.eventCount()).isEqualTo(emitted.size());
        return emitted;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "event_loop", "parallel"})
    void keptEventsEqualEmittedEvents(String scheduler) {
        var spec = switch (scheduler) {
            case "sequential" -> new SchedulerSpec.Sequential();
            case "event_loop" -> new SchedulerSpec.EventLoop();
            default -> new SchedulerSpec.Parallel(2);
        };
        var kept = new ArrayList<RunEvent>();
        var emitted = emittedAndKept(MIXED, spec, kept);
        assertThat(kept).containsExactlyElementsOf(emitted);
        assertThat(kept.get(0)).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(kept.getLast()).isInstanceOf(RunEvent.RunFinished.class);
    }

    @Test
    void eventLoopLogCarriesDueTimesAndAwaitedDependencies() {
        var kept = new ArrayList<RunEvent>();
        emittedAndKept(MIXED, new SchedulerSpec.EventLoop(), kept);
        assertThat(kept)
                .filteredOn(
                        e -> e instanceof RunEvent.TimerDue due && due.task().equals("a"))
                .singleElement()
                .extracting(e -> ((RunEvent.TimerDue) e).dueNanos())
                .isEqualTo(20_000_000L);
        assertThat(kept)
                .filteredOn(e -> e instanceof RunEvent.TaskResumed r && r.task().equals("d"))
                .extracting(e -> ((RunEvent.TaskResumed) e).awaited())
                .containsExactly("b", null); // c was done by then: awaited without suspending
    }

    @Test
    void largeLogSpansBlocksAndKeepsSequenceNumbers() {
        // 30,000 tasks emit over 200,000 events: many 16,384-event blocks.
        TaskGraph graph = RandomDags.generate(new Random(3), 30_000, 50, 3);
        var kept = new ArrayList<RunEvent>();
        var emitted = emittedAndKept(graph, new SchedulerSpec.EventLoop(), kept);
        assertThat(kept).hasSizeGreaterThan(1 << 17).isEqualTo(emitted);
        assertThat(IntStream.range(0, kept.size()).allMatch(i -> kept.get(i).seq() == i))
                .isTrue();
    }

    @Test
    void withoutKeepingOnlyCounts() {
        var clock = new VirtualClock();
        var timeline = new Timeline(MIXED, clock, false, null);
        timeline.runStarted("event_loop", 1);
        Scheduler.of(new SchedulerSpec.EventLoop()).run(timeline, clock, new StopSignal());
        timeline.runFinished(RunStatus.SUCCEEDED, null);
        assertThat(timeline.events()).isEmpty();
        assertThat(timeline.eventCount())
                .isEqualTo(emittedAndKept(MIXED, new SchedulerSpec.EventLoop(), new ArrayList<>())
                        .size());
    }
}
