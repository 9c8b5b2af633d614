package dev.interleave.service.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every sentence the playground says about a run or a comparison, as one table: each rule says when it applies
 * and what it says, from {@link RunFacts} only. Within a topic the first rule that applies speaks; a run gets
 * the {@code RUN} topic, a comparison one sentence per comparison topic.
 *
 * <p>Invariant: a run that did not finish is spoken of only by {@link #STOPPED} (and a comparison with such a run
 * only by {@link #COMPARISON_STOPPED}): what happened up to the stop, never a speed-up or a bound.
 */
public enum VerdictRule {
    STOPPED(
            Topic.RUN,
            c -> !c.run().finished(),
            c -> "The run " + stoppedWords(c.run()) + " at "
                    + seconds(c.run().makespanMs()) + ", before it finished: "
                    + c.run().finishedTasks() + " of "
                    + c.run().tasks()
                    + " tasks had finished. A stopped run shows what happened up to the stop; it says "
                    + "nothing about a speed-up or a bound."),
    SEQUENTIAL(
            Topic.RUN,
            c -> c.run().on("sequential"),
            c -> "One thing at a time: the makespan is the total work, " + seconds(totalWork(c.run())) + "."),
    LIMIT_BOUND(
            Topic.RUN,
            c -> !c.run().on("sequential") && binds(c.run(), c.run().bounds().limitBoundMs()),
            c -> "A concurrency limit (Semaphore) is the bound: the work under it needs at least "
                    + seconds(c.run().bounds().limitBoundMs())
                    + " at the limit's pace, however much else could overlap; the run took "
                    + seconds(c.run().makespanMs()) + "."),
    LOOP_OFFLOADED_CPU(
            Topic.RUN,
            c -> c.run().on("event_loop")
                    && c.run().bounds().offloadedWorkMs() > 0
                    && holdsNothing(c.run())
                    && c.run().bounds().cpuWorkMs() > 0,
            c -> "The CPU work ran on the default executor's threads (asyncio.to_thread), but it still needs the GIL, "
                    + "which it shares with the loop's thread: offloading does not make CPU work faster ("
                    + seconds(c.run().bounds().cpuWorkMs()) + " of CPU work; the run took "
                    + seconds(c.run().makespanMs()) + ")."),
    LOOP_OFFLOADED(
            Topic.RUN,
            c -> c.run().on("event_loop") && c.run().bounds().offloadedWorkMs() > 0 && holdsNothing(c.run()),
            c -> "The blocking calls ran on the default executor's threads (asyncio.to_thread), off the loop: "
                    + seconds(c.run().makespanMs()) + " instead of "
                    + seconds(c.run().bounds().sequentialMs()) + " one after another."),
    LOOP_ONE_STALL(
            Topic.RUN,
            c -> c.run().on("event_loop")
                    && c.run().worstHolder() != null
                    && c.run().stalledWaits() == 1,
            c -> "The loop was blocked " + seconds(c.run().worstHolder().heldMs()) + " by "
                    + holder(c.run()) + "; a wait that had already finished went unnoticed for "
                    + seconds(c.run().worstHolder().unnoticedMs()) + "."),
    LOOP_STALLS(
            Topic.RUN,
            c -> c.run().on("event_loop") && c.run().worstHolder() != null,
            c -> c.run().stalledWaits() + " finished waits went unnoticed while the loop was busy ("
                    + seconds(c.run().stalledMs()) + " added up); the worst holder was " + holder(c.run()) + " ("
                    + seconds(c.run().worstHolder().heldMs()) + " on the loop)."),
    LOOP_NO_WAITS(
            Topic.RUN,
            c -> c.run().on("event_loop") && c.run().ioTasks() == 0,
            c -> "Async did not help: CPU work runs one piece at a time on the loop (" + seconds(totalWork(c.run()))
                    + " of work took " + seconds(c.run().makespanMs()) + "). Only more cores make it faster."),
    LOOP_WAITS_CHAINED(
            Topic.RUN,
            c -> c.run().on("event_loop") && holdsNothing(c.run()) && chained(c.run()),
            c -> "Nothing could overlap: each of the " + c.run().ioTasks() + " waits waits for the one before, so "
                    + "the loop took " + seconds(c.run().makespanMs()) + ", as long as one after another. Async "
                    + "helps only with waits that can happen at the same time."),
    LOOP_ALL_WAITS_OVERLAPPED(
            Topic.RUN,
            c -> c.run().on("event_loop")
                    && holdsNothing(c.run())
                    && c.run().bounds().limitBoundMs() == 0
                    && c.run().bounds().criticalPath().size() == 1,
            c -> "All " + c.run().ioTasks() + " waits overlapped: "
                    + seconds(c.run().makespanMs()) + " instead of "
                    + seconds(c.run().bounds().sequentialMs()) + " one after another."),
    LOOP_WAITS_OVERLAPPED(
            Topic.RUN,
            c -> c.run().on("event_loop") && holdsNothing(c.run()),
            c -> "Waits overlapped where the graph allows: " + seconds(c.run().makespanMs()) + " instead of "
                    + seconds(c.run().bounds().sequentialMs()) + " one after another; the chain "
                    + String.join(" → ", c.run().bounds().criticalPath()) + " ("
                    + seconds(c.run().bounds().criticalPathMs()) + ") is the limit."),
    LOOP_MIXED(
            Topic.RUN,
            c -> c.run().on("event_loop"),
            c -> "Waits overlapped while the loop worked "
                    + seconds(c.run().bounds().loopHoldingWorkMs())
                    + " itself; work that holds the loop is what the event loop cannot speed up."),
    THREADS_GIL(
            Topic.RUN,
            c -> c.run().on("threads")
                    && Boolean.TRUE.equals(c.run().gil())
                    && binds(c.run(), c.run().bounds().cpuWorkMs()),
            c -> "The GIL lets one thread compute at a time: the "
                    + seconds(c.run().bounds().cpuWorkMs())
                    + " of CPU work runs one piece after another however many threads there are (the run took "
                    + seconds(c.run().makespanMs()) + "). Threads overlap waits, not computation."),
    THREADS_CORES(
            Topic.RUN,
            c -> c.run().on("threads")
                    && Boolean.FALSE.equals(c.run().gil())
                    && binds(c.run(), c.run().bounds().cpuWorkMs() / computing(c.run())),
            c -> "Without the GIL (a model of free-threaded Python) at most " + computing(c.run())
                    + " threads compute at once on " + c.run().cores() + " cores: the "
                    + seconds(c.run().bounds().cpuWorkMs()) + " of CPU work needs at least "
                    + seconds(c.run().bounds().cpuWorkMs() / computing(c.run())) + "; the run took "
                    + seconds(c.run().makespanMs()) + "."),
    THREADS_CRITICAL_PATH(
            Topic.RUN,
            c -> c.run().on("threads") && binds(c.run(), c.run().bounds().criticalPathMs()),
            c -> busy(c.run(), "threads") + "the critical path ("
                    + seconds(c.run().bounds().criticalPathMs()) + ") is the limit, so more threads will not help."),
    THREADS_SPREAD(
            Topic.RUN,
            c -> c.run().on("threads"),
            c -> busy(c.run(), "threads") + "the work spread over " + c.run().workers() + " threads ("
                    + seconds(totalWork(c.run()) / c.run().workers()) + ") is the limit: more threads could help."),
    PARALLEL_CRITICAL_PATH(
            Topic.RUN,
            c -> c.run().bounds().criticalPathMs()
                    >= totalWork(c.run()) / c.run().workers(),
            c -> busy(c.run(), "workers") + "the critical path ("
                    + seconds(c.run().bounds().criticalPathMs()) + ") is the limit, so more workers will not help."),
    PARALLEL_SPREAD(
            Topic.RUN,
            c -> true,
            c -> busy(c.run(), "workers") + "the work spread over " + c.run().workers() + " workers ("
                    + seconds(totalWork(c.run()) / c.run().workers()) + ") is the limit: more workers could help."),

    COMPARISON_STOPPED(
            Topic.STOP,
            c -> c.runs().stream().anyMatch(r -> !r.finished()),
            c -> String.join(
                            "; ",
                            c.runs().stream()
                                    .filter(r -> !r.finished())
                                    .map(r -> name(r) + " " + stoppedWords(r) + " at " + seconds(r.makespanMs()))
                                    .toList())
                    + ": the schedulers cannot be compared on speed; the bars show what happened up to the stop"),
    LOOP_BEAT_SEQUENTIAL(
            Topic.LOOP_VS_SEQUENTIAL,
            c -> gain(c.sequential(), c.eventLoop()) > VerdictRule.GAIN,
            c -> "The event loop was " + times(gain(c.sequential(), c.eventLoop()))
                    + " faster than sequential by overlapping waits"),
    LOOP_NO_GAIN_CHAINED(
            Topic.LOOP_VS_SEQUENTIAL,
            c -> c.sequential() != null
                    && c.eventLoop() != null
                    && c.eventLoop().ioTasks() > 0
                    && holdsNothing(c.eventLoop()),
            c -> "The event loop gained nothing over sequential: each wait waits for the one before"),
    LOOP_NO_GAIN(
            Topic.LOOP_VS_SEQUENTIAL,
            c -> c.eventLoop() != null && c.sequential() != null,
            c -> "The event loop gained nothing over sequential: the time is spent holding the thread, not waiting"),
    PARALLEL_BEAT_LOOP_BOTH(
            Topic.PARALLEL_VS_LOOP,
            c -> beatLoop(c) && c.parallel().cpuSideBySide() && c.parallel().blockingSideBySide(),
            c -> workers(c) + " beat the loop " + times(gain(c.eventLoop(), c.parallel()))
                    + " because they run CPU work side by side and a blocking call holds only its own worker"),
    PARALLEL_BEAT_LOOP_CPU(
            Topic.PARALLEL_VS_LOOP,
            c -> beatLoop(c) && c.parallel().cpuSideBySide(),
            c -> workers(c) + " beat the loop " + times(gain(c.eventLoop(), c.parallel()))
                    + " because they also run CPU work side by side"),
    PARALLEL_BEAT_LOOP_BLOCKING(
            Topic.PARALLEL_VS_LOOP,
            c -> beatLoop(c) && c.parallel().blockingSideBySide(),
            c -> workers(c) + " beat the loop " + times(gain(c.eventLoop(), c.parallel()))
                    + " because a blocking call holds only its own worker, not the whole loop"),
    PARALLEL_BEAT_LOOP(
            Topic.PARALLEL_VS_LOOP,
            VerdictRule::beatLoop,
            c -> workers(c) + " beat the loop " + times(gain(c.eventLoop(), c.parallel()))
                    + " because work that holds the loop ran on separate workers"),
    PARALLEL_NO_GAIN(
            Topic.PARALLEL_VS_LOOP,
            c -> c.parallel() != null && c.eventLoop() != null,
            c -> "extra cores did not help beyond the loop"),
    THREADS_HELD_BY_GIL(
            Topic.THREADS,
            c -> c.threads() != null
                    && Boolean.TRUE.equals(c.threads().gil())
                    && c.parallel() != null
                    && c.parallel().cpuSideBySide()
                    && gain(c.threads(), c.parallel()) > VerdictRule.GAIN,
            c -> threads(c) + " were " + times(gain(c.threads(), c.parallel())) + " slower than "
                    + workers(c) + ": under the GIL one thread computes at a time, while processes compute side by "
                    + "side"),
    THREADS_FREE_COMPUTED(
            Topic.THREADS,
            c -> c.threads() != null
                    && Boolean.FALSE.equals(c.threads().gil())
                    && c.threads().cpuSideBySide()
                    && gain(c.sequential(), c.threads()) > VerdictRule.GAIN,
            c -> threads(c) + " without the GIL (a model of free-threaded Python, not checked against one) were "
                    + times(gain(c.sequential(), c.threads())) + " faster than sequential because they computed "
                    + "side by side"),
    THREADS_OVERLAPPED_WAITS(
            Topic.THREADS,
            c -> gain(c.sequential(), c.threads()) > VerdictRule.GAIN,
            c -> threads(c) + " were " + times(gain(c.sequential(), c.threads()))
                    + " faster than sequential by overlapping waits (a thread that waits releases the GIL)"),
    THREADS_NO_GAIN_GIL(
            Topic.THREADS,
            c -> c.threads() != null
                    && c.sequential() != null
                    && Boolean.TRUE.equals(c.threads().gil())
                    && binds(c.threads(), c.threads().bounds().cpuWorkMs()),
            c -> threads(c) + " gained nothing over sequential: the GIL runs the CPU work one piece at a time"),
    THREADS_NO_GAIN(
            Topic.THREADS,
            c -> c.threads() != null && c.sequential() != null,
            c -> threads(c) + " gained nothing over sequential: no waits could overlap");

    /**
     * What a sentence is about; a comparison says one clause per topic after {@code STOP} (sequential vs the loop,
     * parallel vs the loop, threads against sequential and parallel), or only that.
     */
    enum Topic {
        RUN,
        STOP,
        LOOP_VS_SEQUENTIAL,
        PARALLEL_VS_LOOP,
        THREADS
    }

    /** A speed-up under 10 % is within what a busy machine adds or takes away; it is not called a gain. */
    static final double GAIN = 1.1;

    /** Within 1 % the loop's makespan is the chain's length: nothing overlapped. */
    private static final double SAME = 0.99;

    private final Topic topic;
    private final Predicate<Case> applies;
    private final Function<Case, String> says;

    VerdictRule(Topic topic, Predicate<Case> applies, Function<Case, String> says) {
        this.topic = topic;
        this.applies = applies;
        this.says = says;
    }

    /** What the rules look at: one run, or the runs of a comparison (each null when not compared). */
    record Case(
            RunFacts run,
            RunFacts sequential,
            RunFacts eventLoop,
            RunFacts parallel,
            RunFacts threads,
            List<RunFacts> runs) {

        static Case of(RunFacts run) {
            return new Case(run, null, null, null, null, List.of(run));
        }

        static Case of(List<RunFacts> runs) {
            return new Case(
                    null,
                    find(runs, "sequential"),
                    find(runs, "event_loop"),
                    find(runs, "parallel"),
                    find(runs, "threads"),
                    runs);
        }

        private static RunFacts find(List<RunFacts> runs, String type) {
            return runs.stream().filter(r -> r.on(type)).findFirst().orElse(null);
        }
    }

    /** The verdict on one run. */
    public static Verdict of(RunFacts run) {
        var c = Case.of(run);
        return first(Topic.RUN, c)
                .map(rule -> new Verdict(rule.wireName(), rule.says.apply(c)))
                .orElseThrow();
    }

    /** The verdict on a comparison: what stopped, or one clause per comparison topic that has a rule. */
    public static Verdict ofComparison(List<RunFacts> runs) {
        var c = Case.of(runs);
        var stopped = first(Topic.STOP, c);
        var rules = new ArrayList<VerdictRule>();
        if (stopped.isPresent()) {
            rules.add(stopped.get());
        } else {
            first(Topic.LOOP_VS_SEQUENTIAL, c).ifPresent(rules::add);
            first(Topic.PARALLEL_VS_LOOP, c).ifPresent(rules::add);
            first(Topic.THREADS, c).ifPresent(rules::add);
        }
        var text = String.join("; ", rules.stream().map(r -> r.says.apply(c)).toList());
        return new Verdict(
                String.join(" ", rules.stream().map(VerdictRule::wireName).toList()), text.isEmpty() ? "" : text + ".");
    }

    private static Optional<VerdictRule> first(Topic topic, Case c) {
        for (VerdictRule rule : values()) {
            if (rule.topic == topic && rule.applies.test(c)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** {@code loop_waits_chained}: what the API calls the rule. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Seconds as the pages show them: {@code 3.000 s}, {@code 12.50 s}, {@code 250 ms}, {@code 1.50 ms}. */
    static String seconds(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, ms >= 10_000 ? "%.2f s" : "%.3f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    private static String times(double gain) {
        return String.format(Locale.ROOT, "%.1f×", gain);
    }

    private static double totalWork(RunFacts r) {
        return r.bounds().totalWorkMs();
    }

    private static boolean holdsNothing(RunFacts r) {
        return r.bounds().loopHoldingWorkMs() == 0;
    }

    /** The graph is one chain: its critical path is (within 1 %) all of its work. */
    private static boolean chained(RunFacts r) {
        return r.bounds().criticalPathMs() >= SAME * r.bounds().totalWorkMs();
    }

    private static double gain(RunFacts slower, RunFacts faster) {
        return slower == null || faster == null ? 0 : slower.makespanMs() / Math.max(1, faster.makespanMs());
    }

    private static boolean beatLoop(Case c) {
        return gain(c.eventLoop(), c.parallel()) > GAIN;
    }

    private static String workers(Case c) {
        return c.parallel().workers() + " parallel worker" + (c.parallel().workers() == 1 ? "" : "s");
    }

    private static String threads(Case c) {
        return c.threads().workers() + " thread" + (c.threads().workers() == 1 ? "" : "s");
    }

    private static String holder(RunFacts r) {
        return r.worstHolder().kind() + " task " + r.worstHolder().id();
    }

    private static String busy(RunFacts r, String lanes) {
        return r.workers() + " " + lanes + " were " + Math.round(r.busyShare() * 100) + "% busy on average; ";
    }

    /**
     * The run's own lower bound is {@code bound} (within 1 %): that is what holds it back. A zero bound never binds
     * (a graph without limits, or without cpu work).
     */
    private static boolean binds(RunFacts r, double bound) {
        return bound > 0 && bound >= SAME * r.bounds().lowerBoundMs();
    }

    /** Threads of a free-threaded run that compute at once: as many as there are workers, up to the cores. */
    private static int computing(RunFacts r) {
        return Math.max(1, Math.min(r.workers(), r.cores()));
    }

    private static String name(RunFacts r) {
        return switch (r.scheduler()) {
            case "sequential" -> "Sequential";
            case "event_loop" -> "The event loop";
            case "threads" -> "Threads";
            default -> "Parallel";
        };
    }

    private static String stoppedWords(RunFacts r) {
        return switch (r.status()) {
            case "cancelled" -> "was stopped";
            case "timed_out" -> "hit the deadline";
            case "interrupted" -> "was interrupted";
            case "failed" -> "failed";
            default -> "had not finished";
        };
    }
}
