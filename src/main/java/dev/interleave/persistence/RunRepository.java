package dev.interleave.persistence;

import dev.interleave.service.RunState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Runs and their status transitions. Statuses come and go as {@link RunState}; the column holds its wire names
 * (checked by the database, see V2__run_status_check.sql), and every status UPDATE is conditional on the states
 * {@link RunState} allows to become the new one.
 */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, String> {

    private static final List<String> UNFINISHED = wireNames(RunState.UNFINISHED);

    private static List<String> wireNames(java.util.Collection<RunState> states) {
        return states.stream().map(RunState::wireName).toList();
    }

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

    /** queued -> running, on the instance that executes it. */
    public Uni<Integer> markRunning(String id, Instant startedAt, String instanceId) {
        return update(
                "status = ?4, startedAt = ?2, instanceId = ?3, heartbeatAt = ?2 where id = ?1 and status in ?5",
                id,
                startedAt,
                instanceId,
                RunState.RUNNING.wireName(),
                wireNames(RunState.before(RunState.RUNNING)));
    }

    /** queued -> cancelled; 0 if the run is no longer queued (it started, or already ended). */
    public Uni<Integer> cancelQueued(String id, String reason, Instant finishedAt) {
        return update(
                "status = ?4, reason = ?2, finishedAt = ?3 where id = ?1 and status = ?5",
                id,
                reason,
                finishedAt,
                RunState.CANCELLED.wireName(),
                RunState.QUEUED.wireName());
    }

    /** A checkpoint: events saved so far and a fresh lease. */
    public Uni<Integer> heartbeat(String id, long eventCount, Instant now) {
        return update("eventCount = ?2, heartbeatAt = ?3 where id = ?1", id, eventCount, now);
    }

    /** An unfinished state -> {@code status} (a final one), if {@link RunState} allows it from the saved state. */
    public Uni<Integer> finish(
            String id,
            RunState status,
            String reason,
            Instant finishedAt,
            String resultJson,
            Double makespanMs,
            long eventCount) {
        return update(
                "status = ?2, reason = ?3, finishedAt = ?4, resultJson = ?5, makespanMs = ?6, "
                        + "eventCount = ?7 where id = ?1 and status in ?8",
                id,
                status.wireName(),
                reason,
                finishedAt,
                resultJson,
                makespanMs,
                eventCount,
                wireNames(RunState.before(status)));
    }

    /** Renews the lease of every unfinished run {@code instanceId} owns: one UPDATE per heartbeat tick. */
    public Uni<Integer> renewLeases(String instanceId, Instant now) {
        return update("heartbeatAt = ?1 where instanceId = ?2 and status in ?3", now, instanceId, UNFINISHED);
    }

    /** Ids of unfinished runs of other instances whose lease expired before {@code cutoff} (or never started). */
    public Uni<List<String>> expiredLeases(String instanceId, Instant cutoff) {
        return find(
                        "status in ?3 and (heartbeatAt is null or heartbeatAt < ?1) "
                                + "and (instanceId is null or instanceId <> ?2)",
                        cutoff,
                        instanceId,
                        UNFINISHED)
                .list()
                .map(list -> list.stream().map(e -> e.id).toList());
    }

    /** An unfinished run whose lease is still expired -> interrupted (a renewal in between wins). */
    public Uni<Integer> interruptExpired(String id, String reason, Instant cutoff, Instant now) {
        return update(
                "status = ?5, reason = ?2, finishedAt = ?3 where id = ?1 "
                        + "and status in ?6 and (heartbeatAt is null or heartbeatAt < ?4)",
                id,
                reason,
                now,
                cutoff,
                RunState.INTERRUPTED.wireName(),
                wireNames(RunState.before(RunState.INTERRUPTED)));
    }

    /** Shutdown: this instance's unfinished runs become interrupted (other instances' runs are theirs). */
    public Uni<Integer> interruptOwn(String instanceId, String reason, Instant now) {
        return update(
                "status = ?4, reason = ?1, finishedAt = ?2 where instanceId = ?3 and status in ?5",
                reason,
                now,
                instanceId,
                RunState.INTERRUPTED.wireName(),
                wireNames(RunState.before(RunState.INTERRUPTED)));
    }
}
