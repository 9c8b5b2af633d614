package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Runs and their status transitions. Status strings are the public contract's. */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, String> {

    public Uni<StoredRun> insert(StoredRun run, String instanceId) {
        return persist(EntityMapper.entity(run, instanceId)).map(EntityMapper::run);
    }

    public Uni<StoredRun> findRun(String id) {
        return findById(id).map(EntityMapper::run);
    }

    public Uni<StoredRun> findOwned(String id, String ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResult().map(EntityMapper::run);
    }

    public Uni<StoredRun> findBySlug(String slug) {
        return find("shareSlug", slug).firstResult().map(EntityMapper::run);
    }

    public Uni<List<StoredRun>> listOwned(String ownerId, int page, int size) {
        return find("ownerId", Sort.descending("createdAt").and("id"), ownerId)
                .page(page, size)
                .list()
                .map(list -> list.stream().map(EntityMapper::run).toList());
    }

    public Uni<List<StoredRun>> listComparison(String comparisonId) {
        return find("comparisonId", Sort.ascending("position"), comparisonId)
                .list()
                .map(list -> list.stream().map(EntityMapper::run).toList());
    }

    public Uni<Long> countOwned(String ownerId) {
        return count("ownerId", ownerId);
    }

    public Uni<Boolean> deleteOwned(String id, String ownerId) {
        return delete("id = ?1 and ownerId = ?2", id, ownerId).map(n -> n > 0);
    }

    /** queued -> running, with the prediction the engine made at start. */
    public Uni<Integer> markRunning(String id, Instant startedAt, String instanceId) {
        return update(
                "status = 'running', startedAt = ?2, instanceId = ?3, heartbeatAt = ?2 "
                        + "where id = ?1 and status = 'queued'",
                id,
                startedAt,
                instanceId);
    }

    /** A checkpoint: events saved so far and a fresh lease. */
    public Uni<Integer> heartbeat(String id, long eventCount, Instant now) {
        return update("eventCount = ?2, heartbeatAt = ?3 where id = ?1", id, eventCount, now);
    }

    /** Any unfinished state -> a final one. Finished runs never change again. */
    public Uni<Integer> finish(
            String id,
            String status,
            String reason,
            Instant finishedAt,
            String resultJson,
            Double makespanMs,
            long eventCount) {
        return update(
                "status = ?2, reason = ?3, finishedAt = ?4, resultJson = ?5, makespanMs = ?6, "
                        + "eventCount = ?7 where id = ?1 and status in ('queued', 'running')",
                id,
                status,
                reason,
                finishedAt,
                resultJson,
                makespanMs,
                eventCount);
    }

    /** Renews the lease of every unfinished run {@code instanceId} owns: one UPDATE per heartbeat tick. */
    public Uni<Integer> renewLeases(String instanceId, Instant now) {
        return update("heartbeatAt = ?1 where instanceId = ?2 and status in ('queued', 'running')", now, instanceId);
    }

    /** Ids of unfinished runs of other instances whose lease expired before {@code cutoff} (or never started). */
    public Uni<List<String>> expiredLeases(String instanceId, Instant cutoff) {
        return find(
                        "status in ('queued', 'running') and (heartbeatAt is null or heartbeatAt < ?1) "
                                + "and (instanceId is null or instanceId <> ?2)",
                        cutoff,
                        instanceId)
                .list()
                .map(list -> list.stream().map(e -> e.id).toList());
    }

    /** An unfinished run whose lease is still expired -> interrupted (a renewal in between wins). */
    public Uni<Integer> interruptExpired(String id, String reason, Instant cutoff, Instant now) {
        return update(
                "status = 'interrupted', reason = ?2, finishedAt = ?3 where id = ?1 "
                        + "and status in ('queued', 'running') and (heartbeatAt is null or heartbeatAt < ?4)",
                id,
                reason,
                now,
                cutoff);
    }

    /** Shutdown: this instance's unfinished runs become interrupted (other instances' runs are theirs). */
    public Uni<Integer> interruptOwn(String instanceId, String reason, Instant now) {
        return update(
                "status = 'interrupted', reason = ?1, finishedAt = ?2 "
                        + "where instanceId = ?3 and status in ('queued', 'running')",
                reason,
                now,
                instanceId);
    }
}
