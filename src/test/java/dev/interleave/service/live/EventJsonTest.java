package dev.interleave.service.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.RandomDags;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.view.EngineViews;
import dev.interleave.service.view.EventView;
import dev.interleave.service.view.RunViews;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EventJson} must write exactly what the application's Jackson mapper writes for the same events. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EventJsonTest {

    /** Quotes, escapes, every control character, non-ASCII, a surrogate pair, U+2028. */
    private static final List<String> AWKWARD = List.of(
            "",
            "plain",
            "say \"hi\"",
            "back\\slash/slash",
            controlCharacters(),
            "déjà vu €",
            "emoji 😀",
            "line\u2028separator",
            "del\u007f");

    @Inject
    RunViews views;

    private String jackson(List<RunEvent> events) {
        return views.write(events.stream().map(EngineViews::event).toList());
    }

    @Test
    void writesWhatJacksonWritesForRandomRunsOfEveryScheduler() {
        var engine = new Engine(new EngineLimits(8, Duration.ofMinutes(1)));
        var random = new Random(11);
        var schedulers = List.of(
                new SchedulerSpec.Sequential(),
                new SchedulerSpec.EventLoop(),
                new SchedulerSpec.Parallel(3),
                new SchedulerSpec.Threads(3));
        int events = 0;
        for (int round = 0; round < 60; round++) {
            var spec = RandomDags.spec(random, 1 + random.nextInt(40), 50, 3);
            // Every other graph has limits and offloaded tasks: limit_* and gil_* events, tasks absent on some.
            var graph = round % 2 == 0
                    ? RandomDags.withLimitsAndOffload(random, spec)
                    : RandomDags.generate(random, 1 + random.nextInt(40), 50, 3);
            for (var scheduler : schedulers) {
                var run = engine.simulate(graph, scheduler, true).events();
                events += run.size();
                assertThat(EventJson.array(run)).isEqualTo(jackson(run));
            }
        }
        assertThat(events).as("events compared").isGreaterThan(10_000);
    }

    @Test
    void writesWhatJacksonWritesForEveryKindOfEventAndAwkwardStrings() {
        var events = new ArrayList<RunEvent>();
        long seq = 0;
        // Times that print differently as doubles: 0, sub-microsecond (5.0E-4 ms), whole, and very large.
        long[] nanos = {0, 500, 1_000_000, 123_456_789, 9_007_199_254_740_993L};
        for (long t : nanos) {
            events.add(new RunEvent.RunStarted(seq++, t, -1, "parallel", 4, t % 2 == 0));
            events.add(new RunEvent.TimerArmed(seq++, t, 0, "a", t + 7));
            events.add(new RunEvent.TimerDue(seq++, t, 0, "a", t));
        }
        for (String s : AWKWARD) {
            events.add(new RunEvent.TaskReady(seq++, 1, -1, s));
            events.add(new RunEvent.TaskCreated(seq++, 2, 0, s));
            events.add(new RunEvent.TaskStarted(seq++, 3, 1, s));
            events.add(new RunEvent.WorkStarted(seq++, 4, 2, s));
            events.add(new RunEvent.TimerCallbackRun(seq++, 5, 0, s));
            events.add(new RunEvent.TaskResumed(seq++, 6, 0, s, s + "'s dependency"));
            events.add(new RunEvent.TaskFinished(seq++, 7, 0, s));
            events.add(new RunEvent.TaskFailed(seq++, 8, 0, s, "failed: " + s));
            events.add(new RunEvent.TaskCancelled(seq++, 9, 0, s));
            events.add(new RunEvent.GilWait(seq++, 10, 1, s));
            events.add(new RunEvent.GilTaken(seq++, 11, -1, s));
            events.add(new RunEvent.GilReleased(seq++, 12, 2, s));
            events.add(new RunEvent.LimitWait(seq++, 13, 0, s, "limit " + s));
            events.add(new RunEvent.LimitTaken(seq++, 14, 3, s, s));
        }
        events.add(new RunEvent.GilWait(seq++, 15, -1, null));
        events.add(new RunEvent.GilTaken(seq++, 16, -1, null));
        events.add(new RunEvent.GilReleased(seq++, 17, 0, null));
        for (var status : RunStatus.values()) {
            events.add(new RunEvent.RunFinished(seq++, 10, -1, status, null));
            events.add(new RunEvent.RunFinished(seq++, 11, -1, status, controlCharacters()));
        }
        assertThat(EventJson.array(events)).isEqualTo(jackson(events));
        assertThat(EventJson.array(List.of())).isEqualTo(jackson(List.of())).isEqualTo("[]");
    }

    /** A new field on the wire must be added to EventJson too; this fails until it is. */
    @Test
    void eventViewHasTheFieldsEventJsonWrites() {
        assertThat(Arrays.stream(EventView.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly(
                        "seq",
                        "type",
                        "ns",
                        "tMs",
                        "lane",
                        "task",
                        "dueMs",
                        "awaited",
                        "scheduler",
                        "lanes",
                        "virtual",
                        "status",
                        "reason",
                        "limit",
                        "pass",
                        "ready",
                        "timers");
    }

    private static String controlCharacters() {
        var s = new StringBuilder("c");
        for (char c = 0; c < 0x20; c++) {
            s.append(c);
        }
        return s.toString();
    }
}
