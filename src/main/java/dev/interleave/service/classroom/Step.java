package dev.interleave.service.classroom;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.guess.Question;
import java.util.List;

/** One step of a saved challenge: its graph inline (already validated), its questions and the teacher's note. */
public record Step(GraphSpec graph, List<Question> questions, String note) {

    public Step {
        questions = List.copyOf(questions);
    }
}
