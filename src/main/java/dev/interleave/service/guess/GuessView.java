package dev.interleave.service.guess;

import java.time.Instant;

/** A saved guess about a run (API and pages). */
public record GuessView(
        String id, String runId, Question question, Answer answer, Grade grade, boolean shared, Instant createdAt) {}
