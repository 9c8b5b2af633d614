package dev.interleave.service.budget;

import dev.interleave.service.verdict.RunFacts;
import java.util.List;

/**
 * The figures of one result that {@link Metric}s read, folded once when the result is made (and saved with a
 * run's result, so a list view needs no task list to judge a budget).
 *
 * @param speedupVsSequential null while unknown
 * @param knee                a sweep's knee value; null for anything else
 */
public record Measures(
        double makespanMs,
        Double speedupVsSequential,
        double loopBlockedMs,
        double unnoticedWaitMs,
        double utilisation,
        double lowerBoundRatio,
        int unfinishedTasks,
        Double knee) {

    /** From a run's facts and per-task spans (event loop: lane 0 is the loop's thread, lanes 1+ the executor). */
    public static Measures of(RunFacts facts, double speedupVsSequential, List<RunFacts.Span> tasks) {
        double blocked = 0;
        if (facts.on("event_loop")) {
            for (var t : tasks) {
                boolean holdsLoop = !"io".equals(t.kind()) && (t.lane() == null || t.lane() == 0);
                if (holdsLoop && t.startMs() != null && t.endMs() != null) {
                    blocked = Math.max(blocked, t.endMs() - t.startMs());
                }
            }
        }
        double lower = facts.bounds().lowerBoundMs();
        return new Measures(
                facts.makespanMs(),
                speedupVsSequential,
                blocked,
                facts.stalledMs(),
                facts.busyShare(),
                lower > 0 ? facts.makespanMs() / lower : 1,
                facts.tasks() - facts.finishedTasks(),
                null);
    }

    /** A sweep's point with its knee, for the sweep's own budget. */
    public Measures withKnee(double kneeValue) {
        return new Measures(
                makespanMs,
                speedupVsSequential,
                loopBlockedMs,
                unnoticedWaitMs,
                utilisation,
                lowerBoundRatio,
                unfinishedTasks,
                kneeValue);
    }
}
