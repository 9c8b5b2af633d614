package dev.interleave.persistence;

import java.time.Instant;

/** Class rows as the service reads and writes them (entities never leave persistence). */
public final class StoredClass {

    private StoredClass() {}

    public record Challenge(String id, String ownerId, String title, String stepsJson, Instant createdAt) {}

    /** {@code phase} and {@code pacing} are wire names; the service owns their meaning. */
    public record Session(
            String id,
            String challengeId,
            String ownerId,
            String joinCode,
            String phase,
            String pacing,
            int currentStep,
            boolean variants,
            long variantSeed,
            double tolerancePct,
            Instant createdAt,
            Instant closedAt) {}

    public record Student(
            String id, String sessionId, String ownerId, String displayName, int seat, Instant joinedAt) {}

    public record Answer(
            String sessionId,
            String studentId,
            int step,
            int question,
            String answerJson,
            String truthJson,
            Double guessValue,
            Double truthValue,
            Double errorMs,
            Double errorPct,
            int score,
            boolean correct,
            String misconceptionId,
            String misconception,
            Instant answeredAt) {}
}
