package dev.interleave.persistence;

import java.time.Instant;
import java.util.List;

/** A saved comparison with its runs in order. */
public record StoredComparison(
        String id,
        String ownerId,
        String shareSlug,
        String graphJson,
        String graphId,
        Instant createdAt,
        List<StoredRun> runs) {
    public StoredComparison {
        runs = List.copyOf(runs);
    }
}
