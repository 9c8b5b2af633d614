package dev.interleave.service.run;

import dev.interleave.persistence.RunRepository;
import dev.interleave.persistence.StoredRun;
import dev.interleave.service.RunState;
import dev.interleave.service.identity.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;

/** Runs written straight to the store, as another instance (or a crash) would have left them. */
final class SavedRuns {

    private SavedRuns() {}

    /** A one-task run of {@code ownerId} in {@code state}; {@code startedAt} is null for a run that never started. */
    static StoredRun row(String id, String ownerId, RunState state, Instant startedAt) {
        return new StoredRun(
                id,
                ownerId,
                Ids.slug(),
                null,
                null,
                0,
                state,
                null,
                "{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":100}]}",
                "{\"type\":\"event_loop\"}",
                null,
                null,
                null,
                100.0,
                0,
                Instant.now(),
                startedAt,
                null,
                null,
                null);
    }

    /** Saves {@link #row} as executed by {@code instance}; returns its id. */
    static String insert(RunRepository runs, String ownerId, RunState state, Instant startedAt, String instance)
            throws Throwable {
        var run = row(Ids.id(), ownerId, state, startedAt);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> runs.insert(run, instance)));
        return run.id();
    }
}
