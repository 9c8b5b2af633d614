package dev.interleave.service.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the verdict rules look at in one run, folded from its analysis and per-task times once, when the run ends
 * (saved with its result, so that views without task lists still have them). Depends on no view: the views
 * depend on it.
 *
 * @param status             the run's wire status ({@code succeeded}, {@code cancelled}, {@code timed_out}, ...)
 * @param scheduler          wire name of the scheduler
 * @param workers            lanes of a parallel or threads run; 1 otherwise
 * @param gil                for a threads run, whether one GIL serialises its CPU work; null for other schedulers
 * @param cores              cores a free-threaded run computes on (the scheduler's option); 0 where not given
 * @param makespanMs         start to end, or to the stop for a run that did not finish
 * @param finishedTasks      tasks that finished (for a stopped run: before the stop)
 * @param ioTasks            io tasks in the graph
 * @param stalledWaits       io waits that were due while the loop was busy (more than 1 ms unnoticed)
 * @param stalledMs          their unnoticed time, added up
 * @param worstHolder        the cpu or blocking task that overlapped most of those stalls; null without stalls
 * @param cpuSideBySide      two cpu tasks worked at the same moment
 * @param blockingSideBySide a blocking_io task worked while another task worked or waited
 * @param busyShare          average share of the makespan the lanes were held by work (0..1)
 */
public record RunFacts(
        String status,
        String scheduler,
        int workers,
        Boolean gil,
        int cores,
        double makespanMs,
        Bounds bounds,
        int tasks,
        int finishedTasks,
        int ioTasks,
        int stalledWaits,
        double stalledMs,
        Holder worstHolder,
        boolean cpuSideBySide,
        boolean blockingSideBySide,
        double busyShare) {

    /** Below this a stall is timer noise, not a busy loop. */
    static final double STALL_NOISE_MS = 1;

    public RunFacts {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(bounds, "bounds");
    }

    /** A task that held the event loop while finished waits went unnoticed. */
    public record Holder(String id, String kind, double heldMs, double unnoticedMs) {}

    /**
     * What is possible for the graph (the run's bounds), in ms.
     *
     * @param lowerBoundMs    no schedule of the run's kind can beat this
     * @param cpuWorkMs       all cpu work, offloaded or not: what one GIL serialises
     * @param limitBoundMs    the largest (work under a limit / its value); 0 without limits
     * @param offloadedWorkMs work an event loop hands to its default executor ({@code asyncio.to_thread})
     */
    public record Bounds(
            double totalWorkMs,
            double sequentialMs,
            double criticalPathMs,
            List<String> criticalPath,
            double loopHoldingWorkMs,
            double lowerBoundMs,
            double cpuWorkMs,
            double limitBoundMs,
            double offloadedWorkMs) {

        public Bounds {
            criticalPath = List.copyOf(criticalPath);
        }
    }

    /**
     * Where and when one task ran, in ms since the run started; null where absent. On the event loop lane 0 is the
     * loop's thread and lanes 1 and up the default executor's (offloaded work).
     */
    public record Span(
            String id,
            String kind,
            String state,
            Integer lane,
            Double startMs,
            Double endMs,
            Double dueMs,
            Double stallMs) {}

    public static RunFacts of(
            String status,
            String scheduler,
            int workers,
            Boolean gil,
            int cores,
            double makespanMs,
            Bounds bounds,
            List<Span> tasks,
            double[] utilisation) {
        int finished = 0;
        int io = 0;
        for (Span t : tasks) {
            finished += "finished".equals(t.state()) ? 1 : 0;
            io += "io".equals(t.kind()) ? 1 : 0;
        }
        var stalls = stalls(tasks);
        double stalledMs = stalls.stream().mapToDouble(s -> s[1] - s[0]).sum();
        double busy = 0;
        for (double u : utilisation == null ? new double[0] : utilisation) {
            busy += u;
        }
        int lanes = utilisation == null || utilisation.length == 0 ? 1 : utilisation.length;
        return new RunFacts(
                status,
                scheduler,
                workers,
                gil,
                cores,
                makespanMs,
                bounds,
                tasks.size(),
                finished,
                io,
                stalls.size(),
                stalledMs,
                worstHolder(tasks, stalls),
                overlaps(tasks, "cpu", "cpu"),
                overlaps(tasks, "blocking_io", null),
                busy / lanes);
    }

    /** The same facts under another final status (the service's own, e.g. {@code interrupted}). */
    public RunFacts withStatus(String newStatus) {
        return new RunFacts(
                newStatus,
                scheduler,
                workers,
                gil,
                cores,
                makespanMs,
                bounds,
                tasks,
                finishedTasks,
                ioTasks,
                stalledWaits,
                stalledMs,
                worstHolder,
                cpuSideBySide,
                blockingSideBySide,
                busyShare);
    }

    public boolean finished() {
        return "succeeded".equals(status);
    }

    public boolean on(String type) {
        return scheduler.equals(type);
    }

    /** [due, resumed] of every io wait that went unnoticed for longer than timer noise. */
    private static List<double[]> stalls(List<Span> tasks) {
        var stalls = new ArrayList<double[]>();
        for (Span t : tasks) {
            if (t.dueMs() != null && t.stallMs() != null && t.stallMs() > STALL_NOISE_MS) {
                stalls.add(new double[] {t.dueMs(), t.dueMs() + t.stallMs()});
            }
        }
        return stalls;
    }

    /** The task that held the loop's thread (lane 0; offloaded work runs elsewhere) during most of the stalls. */
    private static Holder worstHolder(List<Span> tasks, List<double[]> stalls) {
        Holder worst = null;
        for (Span h : tasks) {
            if ("io".equals(h.kind()) || h.startMs() == null || h.endMs() == null || offloaded(h)) {
                continue;
            }
            double overlap = 0;
            for (double[] s : stalls) {
                overlap += Math.max(0, Math.min(s[1], h.endMs()) - Math.max(s[0], h.startMs()));
            }
            if (overlap > 0 && (worst == null || overlap > worst.unnoticedMs())) {
                worst = new Holder(h.id(), h.kind(), h.endMs() - h.startMs(), overlap);
            }
        }
        return worst;
    }

    private static boolean offloaded(Span task) {
        return task.lane() != null && task.lane() > 0;
    }

    /**
     * True if a task of {@code kind} worked at a moment when another task (of {@code otherKind}, or of any kind
     * when null) also worked, by more than timer noise. One sweep in start order: a later-starting task overlaps an
     * earlier one exactly when it starts before the latest end seen so far.
     */
    private static boolean overlaps(List<Span> tasks, String kind, String otherKind) {
        var worked = tasks.stream()
                .filter(t -> t.startMs() != null && t.endMs() != null && t.endMs() - t.startMs() > STALL_NOISE_MS)
                .sorted(java.util.Comparator.comparingDouble(Span::startMs))
                .toList();
        double kindEnd = Double.NEGATIVE_INFINITY;
        double otherEnd = Double.NEGATIVE_INFINITY;
        for (Span t : worked) {
            boolean isKind = kind.equals(t.kind());
            boolean isOther = otherKind == null || otherKind.equals(t.kind());
            if ((isKind && t.startMs() < otherEnd - STALL_NOISE_MS)
                    || (isOther && t.startMs() < kindEnd - STALL_NOISE_MS)) {
                return true;
            }
            if (isKind) {
                kindEnd = Math.max(kindEnd, t.endMs());
            }
            if (isOther) {
                otherEnd = Math.max(otherEnd, t.endMs());
            }
        }
        return false;
    }
}
