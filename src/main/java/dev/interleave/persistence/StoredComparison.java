package dev.interleave.persistence;

import java.time.Instant;
import java.util.List;

/** A saved comparison with its runs in order, its budget as asked and its webhook (null where not given). */
public record StoredComparison(
        String id,
        String ownerId,
        String shareSlug,
        String graphJson,
        String graphId,
        Instant createdAt,
        List<StoredRun> runs,
        String expectJson,
        String notifyUrl) {
    public StoredComparison {
        runs = List.copyOf(runs);
    }
}
