package dev.interleave.service.classroom;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.guess.Question;
import java.util.List;

/**
 * What a teacher sends to make a challenge: a title and ordered steps.
 *
 * @param steps 1..{@value Challenges#MAX_STEPS} steps, asked in this order
 */
public record NewChallenge(String title, List<Step> steps) {

    /**
     * One step: exactly one of an inline {@code graph} and a saved {@code graphId} (the teacher's own; copied into
     * the challenge, so students never need access to it), 1..{@value Challenges#MAX_QUESTIONS} questions, and an
     * optional note shown to students with the step.
     */
    public record Step(GraphSpec graph, String graphId, List<Question> questions, String note) {}
}
