package dev.interleave.service.guess;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a guess compares with the engine's prediction.
 *
 * @param truth         the true answer, in the same shape as the guess
 * @param errorMs       guess minus truth for a number answer (positive: guessed too long); null for a pick
 * @param errorPct      errorMs as a percentage of the truth (null for a pick, or when the truth is 0)
 * @param score         0..100: 100 when correct; for numbers it falls with the relative error
 * @param correct       within {@link Scoring#correct} of the truth for numbers; the same pick otherwise
 * @param misconception the named gap between guess and truth, or null when none of the table's rules applies
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Grade(
        Answer truth, Double errorMs, Double errorPct, int score, boolean correct, Explanation misconception) {

    /** One entry of the {@link Misconception} table, said about one guess. */
    public record Explanation(String id, String text) {}
}
