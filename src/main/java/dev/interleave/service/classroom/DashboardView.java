package dev.interleave.service.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interleave.service.guess.Question;
import java.time.Instant;
import java.util.List;

/**
 * The teacher's live picture of the current step: who answered and who not, per question the distribution of
 * guesses with the truth marked, the share correct within the class's tolerance and the most common
 * misconceptions (as the guess-first grader named them), and the latest answers to arrive.
 *
 * @param notAnswered names of students who have not answered every question of the step, in seat order
 */
public record DashboardView(
        ClassView klass,
        int step,
        String note,
        int students,
        List<String> notAnswered,
        List<QuestionStats> questions,
        List<Arrival> latest) {

    /**
     * @param scale     what the histogram counts: {@code ms} (guesses, the truth marked), or with variants
     *                  {@code pct_of_truth} (each guess as a percentage of that student's own truth; 100 marked)
     * @param picks     for a pick question, how many picked each option, and which is true
     * @param correctShare answers correct within the tolerance / answers (0 when none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionStats(
            int index,
            Question question,
            int answered,
            String scale,
            Histogram histogram,
            List<Pick> picks,
            double correctShare,
            List<Misconception> misconceptions) {}

    public record Pick(String option, int count, boolean truth) {}

    public record Misconception(String id, String text, int count) {}

    public record Arrival(String name, int question, String answer, Instant at) {}
}
