package dev.interleave.api;

import dev.interleave.engine.graph.GraphSpec;

/** POST /guesses/questions: exactly one of {@code graph} and {@code graphId}. */
public record QuestionsRequest(GraphSpec graph, String graphId) {}
