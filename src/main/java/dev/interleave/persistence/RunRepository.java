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
        return find("ownerId", Sort.descending("createdAt").and("id"), ownerId).page(page, size).list()
                .map(list -> list.stream().map(EntityMapper::run).toList());
    }

    public Uni<List<StoredRun>> listComparison(String comparisonId) {
        return find("comparisonId", Sort.ascending("position"), comparisonId).list()
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
        return update("status = 'running', startedAt = ?2, instanceId = ?3, heartbeatAt = ?2 "
                + "where id = ?1 and status = 'queued'", id, startedAt, instanceId);
    }

    /** A checkpoint: events saved so far and a fresh lease. */
    public Uni<Integer> heartbeat(String id, long eventCount, Instant now) {
        return update("eventCount = ?2, heartbeatAt = ?3 where id = ?1", id, eventCount, now);
    }

    /** Any unfinished state -> a final one. Finished runs never change again. */
    public Uni<Integer> finish(String id, String status, String reason, Instant finishedAt, String resultJson,
                               Double makespanMs, long eventCount) {
        return update("status = ?2, reason = ?3, finishedAt = ?4, resultJson = ?5, makespanMs = ?6, "
                        + "eventCount = ?7 where id = ?1 and status in ('queued', 'running')",
                id, status, reason, finishedAt, resultJson, makespanMs, eventCount);
    }

    /** After a restart: every run still queued or running can never finish, so it becomes interrupted. */
    public Uni<Integer> interruptUnfinished(String reason, Instant now) {
        return update("status = 'interrupted', reason = ?1, finishedAt = ?2 "
                + "where status in ('queued', 'running')", reason, now);
    }
}
