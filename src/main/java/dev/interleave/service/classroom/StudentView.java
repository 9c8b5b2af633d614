package dev.interleave.service.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Grade;
import dev.interleave.service.guess.Question;
import java.util.List;
import java.util.Map;

/**
 * What one student sees: the step in front of them (their own variant of its graph), their own answers and, once
 * the step is revealed to them, the truth and their grade. Never another student's name or answer.
 *
 * @param phase {@code answering}, {@code revealed}, {@code closed} (the class ended), or {@code finished}
 *              (self-paced: every step answered)
 */
public record StudentView(
        String classId,
        String title,
        String name,
        String phase,
        String pacing,
        int step,
        int stepCount,
        String note,
        GraphSpec graph,
        List<QuestionView> questions,
        Map<String, String> links) {

    /** One question of the step with the student's own answer, and its grade once revealed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(int index, Question question, Answer answer, Grade grade) {}
}
