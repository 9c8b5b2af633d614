package dev.interleave.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every violation code, with the JSON pointer it names. */
class GraphValidatorTest {

    private static final GraphValidator VALIDATOR = new GraphValidator(GraphLimits.DEFAULT);

    private static TaskSpec task(String id, String kind, Double ms, String... after) {
        return new TaskSpec(id, kind, ms, null, Arrays.asList(after));
    }

    private static TaskSpec io(String id, String... after) {
        return task(id, "io", 10.0, after);
    }

    private static List<Violation> violations(TaskSpec... tasks) {
        return VALIDATOR.violations(new GraphSpec("g", Arrays.asList(tasks)));
    }

    @Test
    void aValidGraphHasNoViolations() {
        assertThat(violations(io("a"), task("b", "cpu", 0.0, "a"), task("c", "blocking_io", 60_000.0, "a", "b")))
                .isEmpty();
    }

    @Test
    void missingTasks() {
        assertThat(VALIDATOR.violations(new GraphSpec("g", null)))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks", "missing-tasks"));
        assertThat(VALIDATOR.violations(null)).extracting(Violation::code).containsExactly("missing-tasks");
    }

    @Test
    void emptyGraph() {
        assertThat(VALIDATOR.violations(new GraphSpec("g", List.of())))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks", "empty-graph"));
    }

    @Test
    void tooManyTasks() {
        var small = new GraphValidator(new GraphLimits(2, 10));
        assertThat(small.violations(new GraphSpec("g", List.of(io("a"), io("b"), io("c")))))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks", "too-many-tasks"));
        assertThat(small.violations(new GraphSpec("g", List.of(io("a"), io("b")))))
                .isEmpty();
    }

    @Test
    void nameTooLong() {
        var spec = new GraphSpec("n".repeat(GraphLimits.MAX_NAME_LENGTH + 1), List.of(io("a")));
        assertThat(VALIDATOR.violations(spec))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/name", "name-too-long"));
        assertThat(VALIDATOR.violations(new GraphSpec("n".repeat(GraphLimits.MAX_NAME_LENGTH), List.of(io("a")))))
                .isEmpty();
    }

    @Test
    void missingTask() {
        assertThat(violations(io("a"), null))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/1", "missing-task"));
    }

    @Test
    void missingId() {
        assertThat(violations(io("a"), io(null), io("")))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/1/id", "missing-id"), tuple("/tasks/2/id", "missing-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", ".a", "a b", "a/b", "ä", "a\n"})
    void malformedId(String id) {
        assertThat(violations(io(id)))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/0/id", "malformed-id"));
    }

    @Test
    void idLengthLimit() {
        assertThat(violations(io("a".repeat(GraphLimits.MAX_ID_LENGTH)))).isEmpty();
        assertThat(violations(io("a".repeat(GraphLimits.MAX_ID_LENGTH + 1))))
                .extracting(Violation::code)
                .containsExactly("malformed-id");
        assertThat(violations(io("_a-1.b"))).isEmpty();
    }

    @Test
    void duplicateId() {
        assertThat(violations(io("a"), io("b"), io("a"))).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/tasks/2/id");
            assertThat(v.code()).isEqualTo("duplicate-id");
            assertThat(v.message()).contains("'a'", "task 0");
        });
    }

    @Test
    void missingAndUnknownKind() {
        assertThat(violations(task("a", null, 1.0), task("b", "gpu", 1.0), task("c", "IO", 1.0)))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(
                        tuple("/tasks/0/kind", "missing-kind"),
                        tuple("/tasks/1/kind", "unknown-kind"),
                        tuple("/tasks/2/kind", "unknown-kind"));
    }

    @Test
    void missingMs() {
        assertThat(violations(task("a", "io", null)))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/0/ms", "missing-ms"));
    }

    @ParameterizedTest
    @ValueSource(
            doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, -0.001, 60_001, 60_000.001})
    void msOutOfRange(double ms) {
        assertThat(violations(task("a", "cpu", ms)))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/0/ms", "ms-out-of-range"));
    }

    @Test
    void msBoundsAreInclusive() {
        assertThat(violations(task("a", "cpu", 0.0), task("b", "cpu", 60_000.0), task("c", "io", 0.5)))
                .isEmpty();
    }

    @Test
    void labelTooLong() {
        var ok = io("a").withLabel("l".repeat(GraphLimits.MAX_LABEL_LENGTH));
        var tooLong = io("b").withLabel("l".repeat(GraphLimits.MAX_LABEL_LENGTH + 1));
        assertThat(violations(ok, tooLong))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/1/label", "label-too-long"));
    }

    @Test
    void missingDependency() {
        assertThat(violations(io("a"), io("b", "a", null)))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/1/after/1", "missing-dependency"));
    }

    @Test
    void selfDependency() {
        assertThat(violations(io("a"), io("b", "a", "b")))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/1/after/1", "self-dependency"));
    }

    @Test
    void unknownDependency() {
        assertThat(violations(io("a", "nope"))).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/tasks/0/after/0");
            assertThat(v.code()).isEqualTo("unknown-dependency");
            assertThat(v.message()).contains("'nope'");
        });
    }

    @Test
    void duplicateDependency() {
        assertThat(violations(io("a"), io("b"), io("c", "a", "b", "a")))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/2/after/2", "duplicate-dependency"));
    }

    @Test
    void tooManyEdges() {
        var small = new GraphValidator(new GraphLimits(10, 2));
        assertThat(small.violations(new GraphSpec("g", List.of(io("a"), io("b"), io("c", "a", "b")))))
                .isEmpty();
        assertThat(small.violations(new GraphSpec("g", List.of(io("a"), io("b", "a"), io("c", "a", "b")))))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks", "too-many-edges"));
    }

    @Test
    void twoTaskCycleNamesThePathAndTheEdgeThatClosesIt() {
        assertThat(violations(io("a", "b"), io("b", "a"))).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("cycle");
            assertThat(v.pointer()).isEqualTo("/tasks/0/after/0");
            assertThat(v.cycle()).containsExactly("a", "b", "a");
            assertThat(v.message()).contains("a -> b -> a");
        });
    }

    @Test
    void longerCycleBehindAnAcyclicPrefixIsReportedOnce() {
        // x waits for c; c -> b -> a -> c is the cycle; x itself is not on it.
        var found = violations(io("x", "c"), io("a", "c"), io("b", "a"), io("c", "ok", "b"), io("ok"));
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("cycle");
            assertThat(v.cycle()).containsExactly("c", "b", "a", "c");
            assertThat(v.pointer()).isEqualTo("/tasks/3/after/1");
        });
    }

    @Test
    void twoSeparateCyclesAreBothReported() {
        assertThat(violations(io("a", "b"), io("b", "a"), io("c", "d"), io("d", "c")))
                .extracting(Violation::code, Violation::cycle)
                .containsExactly(tuple("cycle", List.of("a", "b", "a")), tuple("cycle", List.of("c", "d", "c")));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var spec = new GraphSpec(
                "n".repeat(GraphLimits.MAX_NAME_LENGTH + 1),
                Arrays.asList(
                        task("a", "warp", 5.0, "b"), task("b", "io", -3.0, "a"), null, task("a", "cpu", 1.0, "zzz")));
        assertThat(VALIDATOR.violations(spec))
                .extracting(Violation::pointer, Violation::code)
                .containsExactlyInAnyOrder(
                        tuple("/name", "name-too-long"),
                        tuple("/tasks/0/kind", "unknown-kind"),
                        tuple("/tasks/1/ms", "ms-out-of-range"),
                        tuple("/tasks/2", "missing-task"),
                        tuple("/tasks/3/id", "duplicate-id"),
                        tuple("/tasks/3/after/0", "unknown-dependency"),
                        tuple("/tasks/0/after/0", "cycle"));
    }

    @Test
    void validOrThrowCarriesEveryViolation() {
        var spec = new GraphSpec("g", List.of(io("a", "x"), io("a")));
        assertThatThrownBy(() -> VALIDATOR.validOrThrow(spec))
                .isInstanceOfSatisfying(GraphInvalidException.class, e -> {
                    assertThat(e.violations())
                            .extracting(Violation::code)
                            .containsExactly("duplicate-id", "unknown-dependency"); // task fields first, then edges
                    assertThat(e.getMessage()).contains("(and 1 more)");
                });
    }

    @Test
    void tenThousandTaskChainValidatesWithoutDeepRecursion() {
        var tasks = new ArrayList<TaskSpec>();
        tasks.add(io("t0"));
        for (int i = 1; i < 10_000; i++) {
            tasks.add(io("t" + i, "t" + (i - 1)));
        }
        TaskGraph graph = VALIDATOR.validOrThrow(new GraphSpec("chain", tasks));
        assertThat(graph.size()).isEqualTo(10_000);
        assertThat(graph.edgeCount()).isEqualTo(9_999);
        assertThat(graph.dependenciesOf(9_999)).containsExactly(9_998);
    }

    @Test
    void tenThousandTaskCycleIsFoundWithoutDeepRecursion() {
        var tasks = new ArrayList<TaskSpec>();
        tasks.add(io("t0", "t9999"));
        for (int i = 1; i < 10_000; i++) {
            tasks.add(io("t" + i, "t" + (i - 1)));
        }
        assertThat(VALIDATOR.violations(new GraphSpec("ring", tasks)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo("cycle");
                    assertThat(v.cycle())
                            .hasSize(10_001)
                            .startsWith("t0", "t9999", "t9998")
                            .endsWith("t1", "t0");
                });
    }

    private static List<Violation> limited(Map<String, Number> limits, TaskSpec... tasks) {
        return VALIDATOR.violations(new GraphSpec("g", limits, Arrays.asList(tasks)));
    }

    @Test
    void limitsAndOffloadOnTheRightKindsAreValidAndKeptByTheGraph() {
        var spec = new GraphSpec(
                "g",
                Map.of("api", 3),
                List.of(
                        io("a").withLimit("api"),
                        task("b", "blocking_io", 5.0).offloaded(),
                        task("c", "cpu", 5.0).offloaded().withLimit("api")));
        assertThat(VALIDATOR.violations(spec)).isEmpty();
        TaskGraph graph = VALIDATOR.validOrThrow(spec);
        assertThat(graph.limitCount()).isEqualTo(1);
        assertThat(graph.limitValue(graph.limit(0))).isEqualTo(3);
        assertThat(graph.offloaded(1)).isTrue();
        assertThat(graph.offloaded(0)).isFalse();
        assertThat(graph.toSpec()).isEqualTo(spec);
    }

    @Test
    void anUnknownLimitNameIsReportedAtTheTasksLimit() {
        assertThat(limited(Map.of("api", 2), io("a"), io("b").withLimit("db")))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/1/limit", "unknown-limit"));
        assertThat(violations(io("a").withLimit("api")))
                .extracting(Violation::code)
                .containsExactly("unknown-limit");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 10_001, 2.5, Double.NaN})
    void aLimitMustBeAWholeNumberFromOneToTenThousand(double value) {
        assertThat(limited(Map.of("api", value), io("a").withLimit("api")))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/limits/api", "limit-out-of-range"));
    }

    @Test
    void limitBoundsAreAccepted() {
        assertThat(limited(Map.of("one", 1, "many", 10_000), io("a").withLimit("one"), io("b").withLimit("many")))
                .isEmpty();
    }

    @Test
    void aMalformedLimitNameIsReportedWithAnEscapedPointer() {
        assertThat(limited(Map.of("a/b", 2), io("a")))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/limits/a~1b", "malformed-limit-name"));
    }

    @Test
    void anIoTaskCannotBeOffloaded() {
        assertThat(violations(io("a").offloaded()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/tasks/0/offload", "offload-not-allowed"));
        assertThat(violations(new TaskSpec("a", "io", 5.0, null, List.of(), null, false)))
                .isEmpty();
    }
}
