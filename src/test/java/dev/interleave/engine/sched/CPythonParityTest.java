package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.RandomDags;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.TaskTiming;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The event-loop scheduler against CPython itself: random graphs run as their natural program on CPython's real
 * asyncio loop (driven by a virtual clock, {@code cpython/virtual_asyncio.py}) must give exactly the engine's
 * per-task times, makespan and order of moments. Needs {@code python3} on the PATH (CPython 3.10 to 3.13 were
 * checked) or {@code -Dparity.python=/path/to/python3}; fails without it.
 */
class CPythonParityTest {

    private static final long SEED = Long.getLong("parity.seed", 20261125L);
    private static final int GRAPHS = Integer.getInteger("parity.graphs", 3_000);
    /** Graphs with limits and offloaded work, on default executors of 5 to 8 threads. */
    private static final int LIMITED_GRAPHS = Integer.getInteger("parity.limitedGraphs", 3_000);
    /** The interpreter to compare with; any CPython from 3.10 on. */
    private static final String PYTHON = System.getProperty("parity.python", "python3");

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void eventLoopMatchesCPythonAsyncioOnRandomGraphs() throws Exception {
        var random = new Random(SEED);
        var graphs = new ArrayList<TaskGraph>(GRAPHS);
        for (int i = 0; i < GRAPHS; i++) {
            graphs.add(RandomDags.generate(random, 1 + random.nextInt(12), 50, 1 + random.nextInt(4)));
        }
        var loops = java.util.Collections.nCopies(GRAPHS, new SchedulerSpec.EventLoop());
        List<JsonNode> cpython = runInCPython(graphs, loops);
        assertThat(cpython).as("one CPython result per graph").hasSize(GRAPHS);
        System.out.println(coverage(graphs) + ", against " + PYTHON);
        assertSame(graphs, loops, cpython);
        System.out.println(timeOrderedModelAgainst(graphs, cpython));
    }

    /**
     * asyncio.Semaphore limits and asyncio.to_thread on the default executor: CPython's own Semaphore, to_thread,
     * run_in_executor and chained futures, with the pool's bookkeeping replayed in virtual time by the harness.
     */
    @Test
    void limitsAndOffloadMatchCPythonAsyncioOnRandomGraphs() throws Exception {
        var random = new Random(SEED + 1);
        var graphs = new ArrayList<TaskGraph>(LIMITED_GRAPHS);
        var loops = new ArrayList<SchedulerSpec.EventLoop>(LIMITED_GRAPHS);
        for (int i = 0; i < LIMITED_GRAPHS; i++) {
            var spec = RandomDags.spec(random, 1 + random.nextInt(16), 50, 1 + random.nextInt(3));
            graphs.add(RandomDags.withLimitsAndOffload(random, spec));
            loops.add(new SchedulerSpec.EventLoop(1 + random.nextInt(4)));
        }
        List<JsonNode> cpython = runInCPython(graphs, loops);
        assertThat(cpython).as("one CPython result per graph").hasSize(LIMITED_GRAPHS);
        System.out.println(limitCoverage(graphs, loops) + ", against " + PYTHON);
        assertSame(graphs, loops, cpython);
    }

    private static void assertSame(
            List<TaskGraph> graphs, List<? extends SchedulerSpec.EventLoop> loops, List<JsonNode> cpython) {
        var softly = new SoftAssertions();
        int mismatched = 0;
        for (int i = 0; i < graphs.size() && mismatched < 5; i++) {
            List<String> differences = compare(graphs.get(i), loops.get(i), cpython.get(i));
            if (!differences.isEmpty()) {
                mismatched++;
                softly.fail("graph " + i + " " + describe(graphs.get(i)) + " on " + loops.get(i) + ":\n  "
                        + String.join("\n  ", differences));
            }
        }
        softly.assertAll();
    }

    /** What the limited, offloading graphs exercised. */
    private static String limitCoverage(List<TaskGraph> graphs, List<SchedulerSpec.EventLoop> loops) {
        long tasks = 0;
        long offloaded = 0;
        long limited = 0;
        long waitedForLimit = 0;
        long queuedForThread = 0;
        long reportedLate = 0;
        for (int i = 0; i < graphs.size(); i++) {
            TaskGraph graph = graphs.get(i);
            RunResult run = ENGINE.simulate(graph, loops.get(i));
            long[] submitted = new long[graph.size()];
            for (RunEvent event : run.events()) {
                if (event instanceof RunEvent.TaskResumed r && r.awaited() != null) {
                    submitted[graph.task(r.task()).index()] = event.nanos();
                }
            }
            for (var task : graph.tasks()) {
                tasks++;
                TaskTiming t = run.task(task.id());
                limited += task.limit() >= 0 ? 1 : 0;
                waitedForLimit += task.limit() >= 0 && t.startNanos() > t.readyNanos() ? 1 : 0;
                if (task.offload()) {
                    offloaded++;
                    queuedForThread += t.lane() > 0 && t.startNanos() > t.readyNanos() ? 1 : 0;
                    reportedLate += t.callbackNanos() > t.dueNanos() ? 1 : 0;
                }
            }
        }
        return String.format(
                "CPython parity with limits and offload: %d graphs, seed %d: %d tasks, %d under a limit (%d started "
                        + "after they were ready), %d offloaded (%d started after they were ready, %d reported "
                        + "after their job ended)",
                graphs.size(), SEED + 1, tasks, limited, waitedForLimit, offloaded, queuedForThread, reportedLate);
    }

    /** For contrast, how often a model without hops (ready-time order) disagrees with CPython. */
    private static String timeOrderedModelAgainst(List<TaskGraph> graphs, List<JsonNode> cpython) {
        int endsDiffer = 0;
        int makespanDiffers = 0;
        for (int i = 0; i < graphs.size(); i++) {
            long[] ends = TimeOrderedModel.ends(graphs.get(i));
            long makespan = 0;
            boolean differs = false;
            for (int task = 0; task < ends.length; task++) {
                makespan = Math.max(makespan, ends[task]);
                differs |= ends[task]
                        != nanos(cpython.get(i).get("tasks").get(task).get("end"));
            }
            endsDiffer += differs ? 1 : 0;
            makespanDiffers += makespan != nanos(cpython.get(i).get("makespan")) ? 1 : 0;
        }
        return String.format(
                "time-ordered model without hops, for contrast: task end times differ from CPython in "
                        + "%d of %d graphs, the makespan in %d",
                endsDiffer, graphs.size(), makespanDiffers);
    }

    /** What the random graphs exercised, so a reader can judge the test's reach. */
    private static String coverage(List<TaskGraph> graphs) {
        long tasks = 0;
        long timers = 0;
        long sleepZero = 0;
        long stalled = 0;
        long forwardDeps = 0;
        long tiedDeadlines = 0;
        for (TaskGraph graph : graphs) {
            RunResult run = ENGINE.simulate(graph, new SchedulerSpec.EventLoop());
            var dues = new java.util.HashSet<Long>();
            for (var task : graph.tasks()) {
                tasks++;
                TaskTiming t = run.task(task.id());
                if (t.dueNanos() != TaskTiming.ABSENT) {
                    timers++;
                    tiedDeadlines += dues.add(t.dueNanos()) ? 0 : 1;
                    stalled += t.resumedNanos() > t.dueNanos() ? 1 : 0;
                } else if (task.kind() == dev.interleave.engine.graph.TaskKind.IO) {
                    sleepZero++;
                }
                for (int dep : graph.dependenciesOf(task.index())) {
                    forwardDeps += dep > task.index() ? 1 : 0;
                }
            }
        }
        return String.format(
                "CPython parity: %d graphs, seed %d: %d tasks, %d timers (%d resumed late, %d sharing a "
                        + "deadline), %d sleep(0), %d awaits of later-declared tasks",
                graphs.size(), SEED, tasks, timers, stalled, tiedDeadlines, sleepZero, forwardDeps);
    }

    /** Differences between the engine's virtual-time run of {@code graph} and CPython's; empty when equal. */
    private static List<String> compare(TaskGraph graph, SchedulerSpec.EventLoop loop, JsonNode cpython) {
        RunResult engine = ENGINE.simulate(graph, loop);
        var differences = new ArrayList<String>();
        check(differences, "makespan", engine.makespanNanos(), cpython.get("makespan"));
        Map<String, Long> firstSteps = firstSteps(engine);
        for (JsonNode expected : cpython.get("tasks")) {
            String id = expected.get("id").asText();
            TaskTiming actual = engine.task(id);
            long firstStep = firstSteps.getOrDefault(id, TaskTiming.ABSENT);
            check(differences, id + ".started", firstStep, expected.get("started"));
            check(differences, id + ".start", actual.startNanos(), expected.get("start"));
            check(differences, id + ".due", actual.dueNanos(), expected.get("due"));
            check(differences, id + ".callback", actual.callbackNanos(), expected.get("callback"));
            check(differences, id + ".resumed", actual.resumedNanos(), expected.get("resumed"));
            check(differences, id + ".end", actual.endNanos(), expected.get("end"));
        }
        var cpythonTrace = new ArrayList<String>();
        cpython.get("trace").forEach(step -> cpythonTrace.add(step.asText()));
        List<String> engineTrace = trace(engine);
        if (!engineTrace.equals(cpythonTrace)) {
            differences.add(
                    "order of moments differs:\n    engine:  " + engineTrace + "\n    cpython: " + cpythonTrace);
        }
        return differences;
    }

    private static void check(List<String> differences, String what, long engineNanos, JsonNode cpythonMs) {
        long expected = nanos(cpythonMs);
        if (engineNanos != expected) {
            differences.add(what + ": engine " + millis(engineNanos) + ", cpython " + millis(expected));
        }
    }

    private static long nanos(JsonNode cpythonMs) {
        return cpythonMs == null || cpythonMs.isNull()
                ? TaskTiming.ABSENT
                : Math.round(cpythonMs.asDouble() * 1_000_000d);
    }

    private static String millis(long nanos) {
        return nanos == TaskTiming.ABSENT ? "absent" : nanos / 1e6 + " ms";
    }

    private static Map<String, Long> firstSteps(RunResult result) {
        var firstSteps = new LinkedHashMap<String, Long>();
        for (RunEvent event : result.events()) {
            if (event instanceof RunEvent.TaskStarted started) {
                firstSteps.put(started.task(), started.nanos());
            }
        }
        return firstSteps;
    }

    /** The engine's events in the vocabulary of the harness's trace. */
    private static List<String> trace(RunResult result) {
        var trace = new ArrayList<String>();
        for (RunEvent event : result.events()) {
            String what = switch (event) {
                case RunEvent.TaskStarted e -> "started";
                case RunEvent.WorkStarted e -> "start";
                case RunEvent.TimerArmed e -> "start";
                case RunEvent.TimerCallbackRun e -> "callback";
                case RunEvent.TaskResumed e -> e.awaited() == null ? "resumed" : null;
                case RunEvent.TaskFinished e -> "end";
                default -> null;
            };
            if (what != null) {
                trace.add(what + ":" + event.task());
            }
        }
        return trace;
    }

    private static String describe(TaskGraph graph) {
        var parts = new ArrayList<String>();
        for (TaskSpec t : graph.toSpec().tasks()) {
            parts.add(t.id() + "(" + t.kind() + " " + t.ms().longValue()
                    + (t.after().isEmpty() ? "" : " after " + String.join(",", t.after()))
                    + (t.limit() == null ? "" : " limit " + t.limit())
                    + (Boolean.TRUE.equals(t.offload()) ? " offloaded" : "") + ")");
        }
        var limits = graph.toSpec().limits();
        return (limits == null ? "" : "limits " + limits + " ") + String.join(" ", parts);
    }

    /** Runs every graph in one python3 process; one JSON result per graph, in order. */
    private static List<JsonNode> runInCPython(List<TaskGraph> graphs, List<? extends SchedulerSpec.EventLoop> loops)
            throws IOException, InterruptedException {
        var input = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < graphs.size(); i++) {
            var spec = graphs.get(i).toSpec();
            var tasks = new ArrayList<Map<String, Object>>();
            for (TaskSpec t : spec.tasks()) {
                var task = new LinkedHashMap<String, Object>(
                        Map.of("id", t.id(), "kind", t.kind(), "ms", t.ms().longValue(), "after", t.after()));
                if (t.limit() != null) {
                    task.put("limit", t.limit());
                }
                if (Boolean.TRUE.equals(t.offload())) {
                    task.put("offload", true);
                }
                tasks.add(task);
            }
            input.add(Map.of(
                    "tasks",
                    tasks,
                    "limits",
                    spec.limits() == null ? Map.of() : spec.limits(),
                    "executor_threads",
                    loops.get(i).executorThreads()));
        }
        Process python;
        try {
            python = new ProcessBuilder(PYTHON, harness().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "'" + PYTHON + "' is required for the CPython parity test (install python3, "
                            + "3.10 or later, or point -Dparity.python at one): " + e,
                    e);
        }
        try (var stdin = python.getOutputStream()) {
            JSON.writeValue(stdin, input);
        }
        var results = new ArrayList<JsonNode>();
        try (var stdout = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                results.add(JSON.readTree(line));
            }
        }
        if (!python.waitFor(60, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            fail("python3 did not finish within 60 s");
        }
        assertThat(python.exitValue())
                .as("python3 exit status (its stderr is above)")
                .isZero();
        return results;
    }

    private static Path harness() {
        try {
            var url = CPythonParityTest.class.getResource("/cpython/virtual_asyncio.py");
            if (url == null) {
                throw new AssertionError("cpython/virtual_asyncio.py is missing from the test classpath");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
