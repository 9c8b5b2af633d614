package dev.interleave.service.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.GraphValidator;
import dev.interleave.engine.graph.Task;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.sched.SchedulerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs exported scripts with CPython and compares what they did with the engine's simulation of the same graph.
 *
 * <p>Comparison rule. Graphs of io and blocking_io only (sleeps, insensitive to machine load) are compared with
 * the plain prediction. CPU work is measured in thread CPU time, so on a shared machine its wall time grows with
 * load; for graphs with cpu tasks the prediction is re-simulated with each lane-holding task's duration set to
 * what the script measured ("replay"), which checks the schedule's shape, not the machine's speed. Tolerance:
 * 15 % + 30 ms. Threads with cpu tasks cannot be replayed (a thread's wall time includes its waits for the GIL),
 * so they are only bounded: no faster than the prediction less 10 %, no slower than twice it; the benchmark
 * {@code ThreadsAgainstCPythonBenchmark} measures the threads model's real error. Parallel scripts start their process pool before their clock starts (pool start-up is excluded).
 */
class PythonScriptExporterTest {

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final SchedulerSpec SEQUENTIAL = new SchedulerSpec.Sequential();
    private static final SchedulerSpec LOOP = new SchedulerSpec.EventLoop();
    private static final SchedulerSpec PARALLEL_2 = new SchedulerSpec.Parallel(2);
    private static final SchedulerSpec THREADS_2 = new SchedulerSpec.Threads(2);

    private final PythonScriptExporter exporter = new PythonScriptExporter(ENGINE);
    private PythonScriptRunner python;

    @BeforeAll
    static void pythonIsInstalled() throws InterruptedException {
        PythonScriptRunner.requirePython();
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @BeforeEach
    void runner(@TempDir Path directory) {
        python = new PythonScriptRunner(directory);
    }

    @Test
    void ioPairOverlapsOnTheLoopAndInAPoolButNotSequentially() throws Exception {
        TaskGraph graph =
                GraphSpec.named("Two API calls").io("a", 200).io("b", 300).graph();
        assertThat(runAndCompare(graph, SEQUENTIAL).get("makespanMs").asDouble())
                .isGreaterThanOrEqualTo(500);
        assertThat(runAndCompare(graph, LOOP).get("makespanMs").asDouble()).isLessThan(400);
        assertThat(runAndCompare(graph, PARALLEL_2).get("makespanMs").asDouble())
                .isLessThan(400);
    }

    @Test
    void blockingPairSerialisesTheLoop() throws Exception {
        TaskGraph graph = GraphSpec.named("blocking")
                .blocking("a", 200)
                .blocking("b", 300)
                .graph();
        JsonNode result = runAndCompare(graph, LOOP);
        assertThat(task(result, "b").get("startMs").asDouble())
                .isGreaterThanOrEqualTo(task(result, "a").get("endMs").asDouble());
    }

    @Test
    void cpuPairSerialisesOnTheLoopAndOverlapsInAPool() throws Exception {
        TaskGraph graph = GraphSpec.named("cpu").cpu("a", 150).cpu("b", 150).graph();
        JsonNode onLoop = runAndCompare(graph, LOOP);
        assertThat(task(onLoop, "b").get("startMs").asDouble())
                .isGreaterThanOrEqualTo(task(onLoop, "a").get("endMs").asDouble());
        JsonNode inPool = runAndCompare(graph, PARALLEL_2);
        assertThat(task(inPool, "b").get("startMs").asDouble())
                .isLessThan(task(inPool, "a").get("endMs").asDouble());
    }

    @Test
    void timerDueDuringCpuWorkIsSeenOnlyAfterIt() throws Exception {
        TaskGraph graph = GraphSpec.named("stall").io("a", 100).cpu("b", 300).graph();
        JsonNode result = runAndCompare(graph, LOOP);
        // a's 100 ms sleep ends while b holds the loop: CPython resumes a only after b, as the engine predicts.
        assertThat(task(result, "a").get("endMs").asDouble())
                .isGreaterThanOrEqualTo(task(result, "b").get("endMs").asDouble());
    }

    @Test
    void dagWithDependenciesDeclaredOutOfOrderRunsOnEveryScheduler() throws Exception {
        TaskGraph graph = GraphSpec.named("dag")
                .cpu("report", 100, "fetch", "users")
                .io("fetch", 200)
                .io("users", 300)
                .blocking("save", 100, "fetch")
                .io("done", 0, "report", "save")
                .graph();
        for (SchedulerSpec scheduler : List.of(SEQUENTIAL, LOOP, PARALLEL_2, THREADS_2)) {
            runAndCompare(graph, scheduler);
        }
    }

    @Test
    void threadsOverlapWaitsButNotCpuUnderTheGil() throws Exception {
        TaskGraph waits = GraphSpec.named("waits")
                .io("a", 150)
                .io("b", 150)
                .blocking("c", 150)
                .graph();
        assertThat(runAndCompare(waits, THREADS_2).get("makespanMs").asDouble()).isLessThan(400);
        TaskGraph cpu = GraphSpec.named("cpu").cpu("a", 150).cpu("b", 150).graph();
        // Both threads compute, one at a time: no faster than one thread.
        assertThat(runAndCompare(cpu, THREADS_2).get("makespanMs").asDouble()).isGreaterThanOrEqualTo(295);
    }

    @Test
    void aThreadingSemaphoreHoldsTheWorkerThatWaitsForIt() throws Exception {
        TaskGraph graph = GraphSpec.named("limit")
                .limit("api", 1)
                .add(TaskSpec.of("a", TaskKind.IO, 150).withLimit("api"))
                .add(TaskSpec.of("b", TaskKind.IO, 150).withLimit("api"))
                .io("c", 100)
                .graph();
        for (SchedulerSpec scheduler : List.of(THREADS_2, PARALLEL_2)) {
            JsonNode result = runAndCompare(graph, scheduler);
            // Which of a and b gets the unit first is a race between processes; they never overlap.
            JsonNode a = task(result, "a");
            JsonNode b = task(result, "b");
            boolean aFirst = a.get("startMs").asDouble() <= b.get("startMs").asDouble();
            JsonNode first = aFirst ? a : b;
            JsonNode second = aFirst ? b : a;
            assertThat(second.get("startMs").asDouble())
                    .as(scheduler.describe())
                    .isGreaterThanOrEqualTo(first.get("endMs").asDouble());
        }
        JsonNode result = runAndCompare(graph, THREADS_2);
        assertThat(task(result, "c").get("startMs").asDouble())
                .isGreaterThanOrEqualTo(task(result, "a").get("endMs").asDouble() - 1);
    }

    @Test
    void anAsyncioSemaphoreBoundsOverlapAndToThreadFreesTheLoop() throws Exception {
        TaskGraph limited = GraphSpec.named("rate limit")
                .limit("api", 2)
                .add(TaskSpec.of("a", TaskKind.IO, 150).withLimit("api"))
                .add(TaskSpec.of("b", TaskKind.IO, 150).withLimit("api"))
                .add(TaskSpec.of("c", TaskKind.IO, 150).withLimit("api"))
                .graph();
        assertThat(runAndCompare(limited, LOOP).get("makespanMs").asDouble()).isGreaterThanOrEqualTo(295);
        TaskGraph offloaded = GraphSpec.named("to_thread")
                .add(TaskSpec.of("a", TaskKind.BLOCKING_IO, 150).offloaded())
                .add(TaskSpec.of("b", TaskKind.BLOCKING_IO, 150).offloaded())
                .io("c", 100)
                .graph();
        JsonNode result = runAndCompare(offloaded, LOOP);
        assertThat(result.get("makespanMs").asDouble()).isLessThan(290);
        assertThat(task(result, "a").get("lane").asInt()).isPositive();
    }

    @Test
    void hostileLabelsAndNameStayDataAndRoundTrip() throws Exception {
        String name = "x\"); import os; os._exit(3) #\n'''\"\"\"";
        var labels = Map.of(
                "a", "a\"); import os; os._exit(4) #",
                "b", "line one\nline two ''' \"\"\" \\ \\n \r\n\u2028 \u00e9 \ud83d\ude00 end",
                "c", "\u0000 nul and tab\t and } { %s {0}");
        var spec = GraphSpec.named(name)
                .add(new TaskSpec("a", "io", 20.0, labels.get("a"), List.of()))
                .add(new TaskSpec("b", "blocking_io", 20.0, labels.get("b"), List.of("a")))
                .add(new TaskSpec("c", "cpu", 20.0, labels.get("c"), List.of("a")))
                .build();
        TaskGraph graph = new GraphValidator(GraphLimits.DEFAULT).validOrThrow(spec);
        for (SchedulerSpec scheduler : List.of(SEQUENTIAL, LOOP, PARALLEL_2, THREADS_2)) {
            String script = exporter.script(graph, scheduler);
            assertThat(script).matches("[\\x00-\\x7F]*");
            // User text appears only inside the one-line GRAPH data literal, never as code or comment.
            assertThat(script.lines()
                            .filter(l -> l.startsWith("GRAPH = json.loads(\""))
                            .count())
                    .isEqualTo(1);
            assertThat(script.lines().filter(l -> !l.startsWith("GRAPH = json.loads(\"")))
                    .noneMatch(l -> l.contains("os._exit") || l.contains("line two") || l.contains("nul and tab"));
            JsonNode result = python.run(script);
            assertThat(result.get("graph").asText()).isEqualTo(name);
            labels.forEach((id, label) ->
                    assertThat(task(result, id).get("label").asText()).isEqualTo(label));
        }
    }

    @Test
    void hostileIdsNeverReachTheExporterAndWouldBeSanitisedIfTheyDid() {
        String hostile = "a\"); import os #";
        var spec = GraphSpec.named("ids")
                .add(TaskSpec.of(hostile, TaskKind.IO, 10))
                .build();
        assertThat(new GraphValidator(GraphLimits.DEFAULT).violations(spec))
                .anySatisfy(v -> assertThat(v.code()).isEqualTo("malformed-id"));

        var task = new Task(3, hostile + "\nprint('x')", TaskKind.IO, 10, 10_000_000, null);
        assertThat(PythonSource.functionName(task)).matches("task_3_[A-Za-z0-9_]+");
        assertThat(PythonSource.commentText(task.id())).matches("[A-Za-z0-9_.\\- ?]+");
    }

    /**
     * Runs the script and checks it against the engine: every task ran, dependencies were respected, cpu tasks
     * used at least their CPU time, tasks started in the engine's order, and the makespan matches.
     */
    private JsonNode runAndCompare(TaskGraph graph, SchedulerSpec scheduler) throws Exception {
        JsonNode result = python.run(exporter.script(graph, scheduler));
        String where = scheduler.describe() + " run of '" + graph.name() + "': " + result;
        for (Task t : graph.tasks()) {
            JsonNode measured = task(result, t.id());
            double start = measured.get("startMs").asDouble();
            double end = measured.get("endMs").asDouble();
            assertThat(measured.get("startMs").isNumber()).as(where).isTrue();
            assertThat(end - start).as("duration of %s in %s", t.id(), where).isGreaterThanOrEqualTo(t.ms() - 2);
            for (int dependency : graph.dependenciesOf(t.index())) {
                double dependencyEnd =
                        task(result, graph.task(dependency).id()).get("endMs").asDouble();
                assertThat(start)
                        .as("%s starts after its dependency in %s", t.id(), where)
                        .isGreaterThanOrEqualTo(dependencyEnd);
            }
        }
        boolean hasCpu = graph.tasks().stream().anyMatch(t -> t.kind() == TaskKind.CPU);
        // On threads a cpu task's wall time includes its waits for the GIL: replaying it would count them twice.
        boolean replay = hasCpu && !(scheduler instanceof SchedulerSpec.Threads);
        RunResult engine = replay ? replay(graph, scheduler, result) : ENGINE.simulate(graph, scheduler);
        assertThat(ids(result.get("order"))).as(where).isEqualTo(startOrder(engine));
        double expected = engine.makespanMillis();
        // Printed so a test log shows the measured deviations, which the assertion only bounds.
        System.out.printf(
                "python %s '%s': makespan %.1f ms, engine %.1f ms (%s)%n",
                scheduler.describe(),
                graph.name(),
                result.get("makespanMs").asDouble(),
                expected,
                replay ? "replayed" : "predicted");
        double makespan = result.get("makespanMs").asDouble();
        if (hasCpu && !replay) {
            // CPU work stretches in wall time with the machine's load, and threads cannot be replayed: CPython can
            // beat the GIL model only by its noise, and must not take more than twice as long.
            assertThat(makespan).as(where).isBetween(0.9 * expected - 10, 2 * expected + 100);
        } else {
            assertThat(makespan).as(where).isCloseTo(expected, within(0.15 * expected + 30));
        }
        return result;
    }

    /** The prediction again, with every lane-holding task taking as long as the script measured it took. */
    private static RunResult replay(TaskGraph graph, SchedulerSpec scheduler, JsonNode result) {
        var tasks = new ArrayList<TaskSpec>();
        GraphSpec spec = graph.toSpec();
        for (TaskSpec t : spec.tasks()) {
            boolean holdsLane =
                    !(scheduler instanceof SchedulerSpec.EventLoop) || !t.kind().equals("io");
            JsonNode measured = task(result, t.id());
            double ms = holdsLane
                    ? measured.get("endMs").asDouble() - measured.get("startMs").asDouble()
                    : t.ms();
            tasks.add(new TaskSpec(t.id(), t.kind(), ms, t.label(), t.after(), t.limit(), t.offload()));
        }
        var replayed =
                new GraphValidator(GraphLimits.DEFAULT).validOrThrow(new GraphSpec(spec.name(), spec.limits(), tasks));
        return ENGINE.simulate(replayed, scheduler);
    }

    /** Task ids in the order the engine started their work (an io task on the loop: armed its timer). */
    private static List<String> startOrder(RunResult run) {
        var order = new ArrayList<String>();
        for (RunEvent event : run.events()) {
            if (event instanceof RunEvent.WorkStarted || event instanceof RunEvent.TimerArmed) {
                order.add(event.task());
            }
        }
        return order;
    }

    private static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static JsonNode task(JsonNode result, String id) {
        Map<String, JsonNode> byId = new HashMap<>();
        result.get("tasks").forEach(t -> byId.put(t.get("id").asText(), t));
        assertThat(byId).as("tasks in %s", result).containsKey(id);
        return byId.get(id);
    }
}
