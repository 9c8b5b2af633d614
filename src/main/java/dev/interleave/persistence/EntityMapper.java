package dev.interleave.persistence;

import dev.interleave.service.RunState;

/** Converts entities to the records that leave this package. */
final class EntityMapper {

    private EntityMapper() {}

    static StoredGraph graph(GraphEntity e) {
        return e == null ? null : new StoredGraph(e.id, e.ownerId, e.name, e.graphJson, e.createdAt);
    }

    static StoredRun run(RunEntity e) {
        return e == null
                ? null
                : new StoredRun(
                        e.id,
                        e.ownerId,
                        e.shareSlug,
                        e.graphId,
                        e.comparisonId,
                        e.position,
                        RunState.fromWireName(e.status),
                        e.reason,
                        e.graphJson,
                        e.schedulerJson,
                        e.predictedJson,
                        e.resultJson,
                        e.makespanMs,
                        e.predictedMs,
                        e.eventCount,
                        e.createdAt,
                        e.startedAt,
                        e.finishedAt,
                        e.expectJson,
                        e.notifyUrl);
    }

    static RunEntity entity(StoredRun r, String instanceId) {
        var e = new RunEntity();
        e.id = r.id();
        e.ownerId = r.ownerId();
        e.shareSlug = r.shareSlug();
        e.graphId = r.graphId();
        e.comparisonId = r.comparisonId();
        e.position = r.position();
        e.status = r.status().wireName();
        e.reason = r.reason();
        e.graphJson = r.graphJson();
        e.schedulerJson = r.schedulerJson();
        e.predictedJson = r.predictedJson();
        e.resultJson = r.resultJson();
        e.makespanMs = r.makespanMs();
        e.predictedMs = r.predictedMs();
        e.eventCount = r.eventCount();
        e.createdAt = r.createdAt();
        e.startedAt = r.startedAt();
        e.finishedAt = r.finishedAt();
        e.expectJson = r.expectJson();
        e.notifyUrl = r.notifyUrl();
        e.instanceId = instanceId;
        // A queued run's lease starts now: its instance renews it until it finishes (see RunRecovery).
        e.heartbeatAt = r.status() == RunState.QUEUED ? java.time.Instant.now() : null;
        return e;
    }

    static EventChunk chunk(RunEventsEntity e) {
        return new EventChunk(e.firstSeq, e.lastSeq, e.eventsJson);
    }
}
