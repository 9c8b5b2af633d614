package dev.interleave.persistence;

import java.time.Instant;

/** A saved guess; the JSON columns hold the guess service's views, stored without being read here. */
public record StoredGuess(
        String id,
        String runId,
        String ownerId,
        String questionJson,
        String answerJson,
        String gradeJson,
        int score,
        boolean correct,
        String misconception,
        boolean shared,
        Instant createdAt) {

    static StoredGuess of(GuessEntity e) {
        return e == null
                ? null
                : new StoredGuess(
                        e.id,
                        e.runId,
                        e.ownerId,
                        e.questionJson,
                        e.answerJson,
                        e.gradeJson,
                        e.score,
                        e.correct,
                        e.misconception,
                        e.shared,
                        e.createdAt);
    }
}
