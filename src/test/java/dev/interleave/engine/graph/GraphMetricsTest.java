package dev.interleave.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Critical path and totals, worked out by hand. */
class GraphMetricsTest {

    private static final long MS = 1_000_000L;

    @Test
    void diamondTakesTheLongerBranch() {
        // a(io 100) -> b(cpu 300) -> d(io 50); a -> c(blocking 200) -> d. Path a-b-d = 450; a-c-d = 350.
        TaskGraph graph = GraphSpec.named("diamond")
                .io("a", 100)
                .cpu("b", 300, "a")
                .blocking("c", 200, "a")
                .io("d", 50, "b", "c")
                .graph();
        GraphMetrics metrics = graph.metrics();
        assertThat(metrics.totalWorkNanos()).isEqualTo(650 * MS);
        assertThat(metrics.loopHoldingWorkNanos()).isEqualTo(500 * MS);
        assertThat(metrics.criticalPathNanos()).isEqualTo(450 * MS);
        assertThat(metrics.criticalPath()).containsExactly("a", "b", "d");
    }

    @Test
    void independentTasksPathIsTheLongestSingleTask() {
        TaskGraph graph = GraphSpec.named("flat")
                .io("a", 2000)
                .io("b", 3000)
                .cpu("c", 500)
                .graph();
        GraphMetrics metrics = graph.metrics();
        assertThat(metrics.totalWorkNanos()).isEqualTo(5500 * MS);
        assertThat(metrics.loopHoldingWorkNanos()).isEqualTo(500 * MS);
        assertThat(metrics.criticalPathNanos()).isEqualTo(3000 * MS);
        assertThat(metrics.criticalPath()).containsExactly("b");
    }

    @Test
    void tiesGoToTheEarlierDeclaredTask() {
        // x and y both 100; z after both: the path goes through x, declared first; a tie on the end too.
        TaskGraph graph = GraphSpec.named("ties")
                .io("x", 100)
                .io("y", 100)
                .cpu("z", 10, "y", "x")
                .io("w", 110)
                .graph();
        GraphMetrics metrics = graph.metrics();
        assertThat(metrics.criticalPathNanos()).isEqualTo(110 * MS);
        assertThat(metrics.criticalPath()).containsExactly("x", "z");
    }

    @Test
    void dependencyOnALaterDeclaredTaskCounts() {
        TaskGraph graph = GraphSpec.named("later").io("a", 10, "b").cpu("b", 20).graph();
        GraphMetrics metrics = graph.metrics();
        assertThat(metrics.criticalPathNanos()).isEqualTo(30 * MS);
        assertThat(metrics.criticalPath()).containsExactly("b", "a");
    }

    @Test
    void fractionalMillisecondsAreKeptInNanoseconds() {
        TaskGraph graph =
                GraphSpec.named("frac").io("a", 0.5).cpu("b", 1.25, "a").graph();
        GraphMetrics metrics = graph.metrics();
        assertThat(metrics.totalWorkNanos()).isEqualTo(1_750_000L);
        assertThat(metrics.criticalPathNanos()).isEqualTo(1_750_000L);
    }

    @Test
    void zeroDurationGraph() {
        GraphMetrics metrics =
                GraphSpec.named("zero").io("a", 0).cpu("b", 0, "a").graph().metrics();
        assertThat(metrics.totalWorkNanos()).isZero();
        assertThat(metrics.criticalPathNanos()).isZero();
        assertThat(metrics.criticalPath()).isNotEmpty();
    }
}
