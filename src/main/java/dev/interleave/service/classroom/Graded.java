package dev.interleave.service.classroom;

/**
 * A graded answer, as {@link ClassGrading} reports it.
 *
 * @param truth            the engine's answer, in the guess's shape
 * @param errorMs          guess minus truth for a number (null for a pick)
 * @param errorPct         errorMs as a percentage of the truth (null for a pick, or a 0 ms truth)
 * @param score            0..100
 * @param correct          the grader's own verdict (the class's tolerance is applied on top, see Dashboards)
 * @param misconceptionId  the guess table's id of the misconception the guess shows, or null
 * @param misconception    its words for this guess, or null
 */
public record Graded(
        Guess truth,
        Double errorMs,
        Double errorPct,
        int score,
        boolean correct,
        String misconceptionId,
        String misconception) {}
