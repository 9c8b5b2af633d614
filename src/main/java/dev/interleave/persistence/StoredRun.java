package dev.interleave.persistence;

import dev.interleave.service.RunState;
import java.time.Instant;

/**
 * A saved run as the service sees it. The JSON columns hold service views (see {@code service.view}); this
 * layer stores them without reading them. {@code expectJson} is the run's budget as asked ({@code expect}),
 * {@code notifyUrl} its webhook; both null for runs of a comparison (the comparison has them) and runs without.
 */
public record StoredRun(
        String id,
        String ownerId,
        String shareSlug,
        String graphId,
        String comparisonId,
        int position,
        RunState status,
        String reason,
        String graphJson,
        String schedulerJson,
        String predictedJson,
        String resultJson,
        Double makespanMs,
        Double predictedMs,
        long eventCount,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String expectJson,
        String notifyUrl) {

    /** This run as {@code RunRepository.finish} leaves its row, for a keeper that need not read it back. */
    public StoredRun finished(
            RunState newStatus,
            String newReason,
            Instant newStartedAt,
            Instant newFinishedAt,
            String newResultJson,
            Double newMakespanMs,
            long newEventCount) {
        return new StoredRun(
                id,
                ownerId,
                shareSlug,
                graphId,
                comparisonId,
                position,
                newStatus,
                newReason,
                graphJson,
                schedulerJson,
                predictedJson,
                newResultJson,
                newMakespanMs,
                predictedMs,
                newEventCount,
                createdAt,
                newStartedAt,
                newFinishedAt,
                expectJson,
                notifyUrl);
    }
}
