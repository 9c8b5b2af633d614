package dev.interleave.api;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Question;

/** POST /guesses/grade: exactly one of {@code graph} and {@code graphId}; nothing is saved. */
public record GradeRequest(GraphSpec graph, String graphId, Question question, Answer answer) {}
