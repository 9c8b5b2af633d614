package dev.interleave.service.budget;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every figure an {@code expect} budget may bound, written down once: its wire name, its unit, what it means and
 * where its value comes from ({@link Measures}). A metric whose value is null for a result (e.g. {@link #KNEE}
 * outside a sweep) cannot be asked for there.
 */
public enum Metric {
    MAKESPAN_MS("makespanMs", "ms", "start to end (for a stopped run: to the stop)", Measures::makespanMs),
    SPEEDUP_VS_SEQUENTIAL(
            "speedupVsSequential",
            "×",
            "the sequential bound (all work one after another) over the makespan",
            Measures::speedupVsSequential),
    LOOP_BLOCKED_MS(
            "loopBlockedMs",
            "ms",
            "the longest time one task held the event loop's thread (asyncio's slow-callback measure); 0 off the"
                    + " event loop",
            Measures::loopBlockedMs),
    UNNOTICED_WAIT_MS(
            "unnoticedWaitMs",
            "ms",
            "time finished waits went unnoticed while the loop was busy, added up",
            Measures::unnoticedWaitMs),
    UTILISATION(
            "utilisation",
            "",
            "the average share of the makespan the lanes were held by work (0..1)",
            m -> m.utilisation()),
    LOWER_BOUND_RATIO(
            "lowerBoundRatio",
            "×",
            "the makespan over the lower bound no schedule of the run's kind can beat (1 = optimal)",
            Measures::lowerBoundRatio),
    UNFINISHED_TASKS("unfinishedTasks", "tasks", "tasks that did not finish", m -> (double) m.unfinishedTasks()),
    KNEE("knee", "", "sweeps only: the smallest swept value within the tolerance of the best makespan", Measures::knee);

    private final String wireName;
    private final String unit;
    private final String meaning;
    private final Function<Measures, Double> value;

    Metric(String wireName, String unit, String meaning, Function<Measures, Double> value) {
        this.wireName = wireName;
        this.unit = unit;
        this.meaning = meaning;
        this.value = value;
    }

    public String wireName() {
        return wireName;
    }

    /** How the value reads after a number ({@code ms}, {@code ×}); empty for plain numbers. */
    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** The metric's value in {@code measures}; null where the result has none (knee outside a sweep). */
    public Double of(Measures measures) {
        return value.apply(measures);
    }

    public static Optional<Metric> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /** The metrics a run, simulation or comparison may bound: all but the sweep-only ones. */
    public static List<Metric> forRuns() {
        return Arrays.stream(values()).filter(m -> m != KNEE).toList();
    }

    public static List<Metric> forSweeps() {
        return List.of(values());
    }
}
