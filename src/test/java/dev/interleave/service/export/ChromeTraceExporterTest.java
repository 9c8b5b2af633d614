package dev.interleave.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.GraphValidator;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.run.RunListener;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.sched.SchedulerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Checks exported traces by parsing the JSON text back, as a viewer would read it. */
class ChromeTraceExporterTest {

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchedulerSpec LOOP = new SchedulerSpec.EventLoop();

    private final ChromeTraceExporter exporter = new ChromeTraceExporter(new ObjectMapper());

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void eventLoopIoWaitsAreAsyncSlicesAndLoopHoldingWorkIsCompleteSlices() throws Exception {
        TaskGraph graph = GraphSpec.named("mixed")
                .io("a", 100)
                .io("b", 200)
                .cpu("c", 300)
                .blocking("d", 50, "a")
                .io("e", 0, "d")
                .graph();
        JsonNode trace = parse(graph, ENGINE.simulate(graph, LOOP), null);

        assertWellFormed(trace, graph, Set.of(1));
        for (JsonNode event : timed(trace)) {
            String kind = event.path("args").path("kind").asText(null);
            if ("io".equals(kind)) {
                assertThat(event.get("ph").asText())
                        .as("io on the loop: %s", event)
                        .isIn("b");
            } else if (kind != null) {
                assertThat(event.get("ph").asText())
                        .as("loop-holding work: %s", event)
                        .isEqualTo("X");
            }
        }
        assertThat(trace.get("metadata").get("makespanMs").asDouble()).isEqualTo(350);
        assertThat(trace.get("displayTimeUnit").asText()).isEqualTo("ms");
    }

    @Test
    void aStallIsItsOwnAsyncSliceFromDueToResumed() throws Exception {
        TaskGraph graph = GraphSpec.named("stall").io("a", 100).cpu("b", 300).graph();
        JsonNode trace = parse(graph, ENGINE.simulate(graph, LOOP), null);

        assertWellFormed(trace, graph, Set.of(1));
        JsonNode begin = only(
                trace,
                e -> "stall".equals(e.path("cat").asText())
                        && "b".equals(e.get("ph").asText()));
        JsonNode end = only(
                trace,
                e -> "stall".equals(e.path("cat").asText())
                        && "e".equals(e.get("ph").asText()));
        assertThat(begin.get("ts").asDouble()).isEqualTo(100_000);
        assertThat(end.get("ts").asDouble()).isEqualTo(300_000);
        assertThat(begin.get("args").get("task").asText()).isEqualTo("a");
        assertThat(begin.get("args").get("stallMs").asDouble()).isEqualTo(200);
    }

    @Test
    void offTheLoopEveryTaskHoldsItsLaneAsACompleteSlice() throws Exception {
        TaskGraph graph = GraphSpec.named("pool")
                .io("a", 200)
                .io("b", 300)
                .cpu("c", 100, "a")
                .blocking("d", 50)
                .graph();
        for (SchedulerSpec scheduler : List.of(new SchedulerSpec.Sequential(), new SchedulerSpec.Parallel(2))) {
            JsonNode trace = parse(graph, ENGINE.simulate(graph, scheduler), null);
            assertWellFormed(trace, graph, Set.of(1));
            assertThat(timed(trace))
                    .filteredOn(e -> e.path("args").has("kind"))
                    .allSatisfy(e -> assertThat(e.get("ph").asText()).isEqualTo("X"))
                    .allSatisfy(e -> assertThat(e.get("tid").asInt())
                            .isEqualTo(e.get("args").get("lane").asInt() + 1));
            assertThat(threadNames(trace)).hasSize(scheduler.laneCount());
        }
    }

    @Test
    void aThreadsRunHasAGilTrackWithOneSlicePerHoldingAndDistinctWaitSlices() throws Exception {
        TaskGraph graph = GraphSpec.named("gil")
                .limit("api", 1)
                .add(TaskSpec.of("a", TaskKind.CPU, 20).withLimit("api"))
                .add(TaskSpec.of("b", TaskKind.IO, 10).withLimit("api"))
                .cpu("c", 30)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Threads(3));
        JsonNode trace = parse(graph, run, null);
        assertWellFormed(trace, graph, Set.of(1)); // includes: GIL slices never overlap
        int gilTid = tidNamed(trace, 1, "GIL");
        List<JsonNode> holdings = timed(trace).stream()
                .filter(e -> e.get("tid").asInt() == gilTid)
                .toList();
        long taken =
                run.events().stream().filter(e -> e.type().equals("gil_taken")).count();
        assertThat(holdings).hasSize((int) taken).allSatisfy(h -> {
            assertThat(h.get("ph").asText()).isEqualTo("X");
            assertThat(h.get("cat").asText()).isEqualTo("gil");
            assertThat(h.get("name").asText())
                    .startsWith(h.get("args").get("holder").asText());
        });
        // The cpu work (a and c, 50 ms) is all done holding the GIL.
        double cpuHeld = holdings.stream()
                .filter(h -> h.get("name").asText().endsWith(": a")
                        || h.get("name").asText().endsWith(": c"))
                .mapToDouble(h -> h.get("dur").asDouble())
                .sum();
        assertThat(cpuHeld).isEqualTo(50_000);
        JsonNode limitWait = only(
                trace,
                e -> "limit".equals(e.path("cat").asText())
                        && "b".equals(e.get("ph").asText()));
        assertThat(limitWait.get("args").get("limit").asText()).isEqualTo("api");
        assertThat(limitWait.get("args").get("task").asText()).isEqualTo("b");
        assertThat(limitWait.get("tid").asInt()).isEqualTo(run.task("b").lane() + 1);
        assertThat(limitWait.get("args").get("waitMs").asDouble()).isGreaterThanOrEqualTo(20);
        assertThat(timed(trace))
                .anySatisfy(e -> assertThat(e.path("cat").asText()).isEqualTo("gil_wait"));
        assertThat(tidNamed(trace, 1, "main thread")).isGreaterThan(gilTid);
    }

    @Test
    void runsWithoutThreadsOrLimitsHaveNoGilTrack() throws Exception {
        TaskGraph graph = GraphSpec.named("plain").io("a", 10).cpu("b", 10).graph();
        JsonNode trace = parse(graph, ENGINE.simulate(graph, new SchedulerSpec.Parallel(2)), null);
        assertThat(threadNames(trace)).hasSize(2);
        assertThat(timed(trace))
                .noneSatisfy(e -> assertThat(e.path("cat").asText()).startsWith("gil"));
    }

    @Test
    void criticalPathTasksAreFlagged() throws Exception {
        TaskGraph graph = GraphSpec.named("path")
                .io("a", 100)
                .io("b", 300)
                .cpu("c", 100, "a", "b")
                .graph();
        JsonNode trace = parse(graph, ENGINE.simulate(graph, LOOP), null);

        List<String> path = new ArrayList<>();
        trace.get("metadata").get("criticalPath").forEach(id -> path.add(id.asText()));
        assertThat(path).containsExactly("b", "c");
        assertThat(taskSlices(trace))
                .allSatisfy(e -> assertThat(e.get("args").get("criticalPath").asBoolean())
                        .isEqualTo(path.contains(e.get("args").get("id").asText())));
    }

    @Test
    void aMeasuredRunAndItsPredictionAreTwoProcesses() throws Exception {
        TaskGraph graph = GraphSpec.named("real")
                .io("a", 30)
                .io("b", 20)
                .cpu("c", 10, "a")
                .graph();
        var handle = ENGINE.start(graph, LOOP, RunListener.NONE);
        RunResult measured = handle.outcome().get(30, TimeUnit.SECONDS);
        assertThat(measured.status()).isEqualTo(RunStatus.SUCCEEDED);

        JsonNode trace = parse(graph, measured, handle.prediction());
        assertWellFormed(trace, graph, Set.of(1, 2));
        Map<Integer, String> processes = new HashMap<>();
        trace.get("traceEvents").forEach(e -> {
            if ("process_name".equals(e.get("name").asText())) {
                processes.put(e.get("pid").asInt(), e.get("args").get("name").asText());
            }
        });
        assertThat(processes.get(1)).endsWith("measured");
        assertThat(processes.get(2)).endsWith("predicted");
        assertThat(trace.get("metadata").get("predictedMakespanMs").asDouble()).isEqualTo(40); // a 0-30, then c 30-40
    }

    @Test
    void aRunStoppedAtItsDeadlineDrawsStartedWorkToTheStopAndListsTasksThatNeverStarted() throws Exception {
        TaskGraph graph =
                GraphSpec.named("stopped").io("a", 10_000).cpu("b", 10, "a").graph();
        var handle = ENGINE.start(graph, LOOP, Duration.ofMillis(100), RunListener.NONE);
        RunResult stopped = handle.outcome().get(30, TimeUnit.SECONDS);
        assertThat(stopped.status()).isEqualTo(RunStatus.TIMED_OUT);

        JsonNode trace = parse(graph, stopped, handle.prediction());
        assertWellFormed(trace, graph, Set.of(1, 2));
        assertThat(trace.get("metadata").get("status").asText()).isEqualTo("timed_out");
        assertThat(trace.get("metadata").get("notStarted")).containsExactly(TextNode.valueOf("b"));
        JsonNode waitEnd = only(
                trace, e -> e.get("pid").asInt() == 1 && "e".equals(e.get("ph").asText()));
        assertThat(waitEnd.get("ts").asDouble()).isEqualTo(stopped.makespanNanos() / 1e3);
    }

    @Test
    void userTextIsEscapedByJackson() throws Exception {
        String label = "\"},{\"ph\":\"X\"}]}\n\u2028</script> \ud83d\ude00";
        String name = "name \" with ]} quotes";
        var spec = GraphSpec.named(name)
                .add(new TaskSpec("a", "io", 10.0, label, List.of()))
                .build();
        TaskGraph graph = new GraphValidator(GraphLimits.DEFAULT).validOrThrow(spec);
        JsonNode trace = parse(graph, ENGINE.simulate(graph, LOOP), null);

        assertWellFormed(trace, graph, Set.of(1));
        assertThat(taskSlices(trace))
                .singleElement()
                .satisfies(e -> assertThat(e.get("args").get("label").asText()).isEqualTo(label));
        assertThat(trace.get("metadata").get("graph").asText()).isEqualTo(name);
    }

    /**
     * What Perfetto and chrome://tracing rely on: every task present in every process (or, for the main run,
     * listed as never started); async ids unique, each
     * begin paired with one end of the same name, category and process, not before it; complete slices on one
     * thread in time order without overlap; every thread used has a name.
     */
    private static void assertWellFormed(JsonNode trace, TaskGraph graph, Set<Integer> pids) {
        assertThat(trace.get("traceEvents").isArray()).isTrue();
        assertThat(trace.get("metadata").isObject()).isTrue();
        for (int pid : pids) {
            Set<String> present = new HashSet<>();
            if (pid == 1) {
                trace.get("metadata").get("notStarted").forEach(id -> present.add(id.asText()));
            }
            taskSlices(trace).stream()
                    .filter(e -> e.get("pid").asInt() == pid)
                    .forEach(e -> present.add(e.get("args").get("id").asText()));
            assertThat(present)
                    .as("tasks in process %d", pid)
                    .containsExactlyInAnyOrderElementsOf(
                            graph.tasks().stream().map(t -> t.id()).toList());
        }
        Map<String, JsonNode> begins = new HashMap<>();
        Map<String, JsonNode> ends = new HashMap<>();
        Map<String, Double> laneEnd = new HashMap<>();
        for (JsonNode event : timed(trace)) {
            assertThat(event.get("ts").isNumber()).as("ts of %s", event).isTrue();
            switch (event.get("ph").asText()) {
                case "b" ->
                    assertThat(begins.put(event.get("id").asText(), event))
                            .as("async id reused")
                            .isNull();
                case "e" ->
                    assertThat(ends.put(event.get("id").asText(), event))
                            .as("async end repeated")
                            .isNull();
                case "X" -> {
                    String lane =
                            event.get("pid").asInt() + "/" + event.get("tid").asInt();
                    double start = event.get("ts").asDouble();
                    assertThat(start)
                            .as("X slices on lane %s in time order, no overlap", lane)
                            .isGreaterThanOrEqualTo(laneEnd.getOrDefault(lane, 0.0) - 1e-6);
                    assertThat(event.get("dur").asDouble()).isGreaterThanOrEqualTo(0);
                    laneEnd.put(lane, start + event.get("dur").asDouble());
                    assertThat(threadNames(trace)).contains(lane);
                }
                case "i" -> assertThat(event.get("s").asText()).isEqualTo("p");
                default -> throw new AssertionError("unexpected event " + event);
            }
        }
        assertThat(ends.keySet()).isEqualTo(begins.keySet());
        begins.forEach((id, begin) -> {
            JsonNode end = ends.get(id);
            assertThat(end.get("name")).isEqualTo(begin.get("name"));
            assertThat(end.get("cat")).isEqualTo(begin.get("cat"));
            assertThat(end.get("pid")).isEqualTo(begin.get("pid"));
            assertThat(end.get("ts").asDouble())
                    .isGreaterThanOrEqualTo(begin.get("ts").asDouble());
            assertThat(threadNames(trace))
                    .contains(begin.get("pid").asInt() + "/" + begin.get("tid").asInt());
        });
    }

    private JsonNode parse(TaskGraph graph, RunResult run, RunResult predicted) throws Exception {
        return JSON.readTree(exporter.json(graph, run, predicted));
    }

    private static List<JsonNode> timed(JsonNode trace) {
        var events = new ArrayList<JsonNode>();
        trace.get("traceEvents").forEach(e -> {
            if (!"M".equals(e.get("ph").asText())) {
                events.add(e);
            }
        });
        return events;
    }

    /** The slice that stands for each task: an X, or the begin of an io wait. */
    private static List<JsonNode> taskSlices(JsonNode trace) {
        return timed(trace).stream()
                .filter(e ->
                        e.path("args").has("kind") && !"e".equals(e.get("ph").asText()))
                .toList();
    }

    /** "pid/tid" of every thread that has a thread_name. */
    private static Set<String> threadNames(JsonNode trace) {
        var names = new HashSet<String>();
        trace.get("traceEvents").forEach(e -> {
            if ("thread_name".equals(e.get("name").asText())
                    && "M".equals(e.get("ph").asText())) {
                names.add(e.get("pid").asInt() + "/" + e.get("tid").asInt());
            }
        });
        return names;
    }

    private static int tidNamed(JsonNode trace, int pid, String name) {
        for (JsonNode e : trace.get("traceEvents")) {
            if ("thread_name".equals(e.get("name").asText())
                    && e.get("pid").asInt() == pid
                    && name.equals(e.get("args").get("name").asText())) {
                return e.get("tid").asInt();
            }
        }
        throw new AssertionError("no thread named " + name);
    }

    private static JsonNode only(JsonNode trace, Predicate<JsonNode> filter) {
        List<JsonNode> matches = timed(trace).stream().filter(filter).toList();
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }
}
