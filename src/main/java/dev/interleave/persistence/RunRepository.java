package dev.interleave.persistence;

import dev.interleave.service.RunState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
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
        return transition(
                List.of(RunState.QUEUED),
                RunState.RUNNING,
                "startedAt = ?2, instanceId = ?3, heartbeatAt = ?2",
                "id = ?1",
                id,
                startedAt,
                instanceId);
    }

    /** queued -> cancelled; 0 if the run is no longer queued (it started, or already ended). */
    public Uni<Integer> cancelQueued(String id, String reason, Instant finishedAt) {
        return transition(
                List.of(RunState.QUEUED),
                RunState.CANCELLED,
                "reason = ?2, finishedAt = ?3",
                "id = ?1",
                id,
                reason,
                finishedAt);
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
        return transition(
                RunState.before(status),
                status,
                "reason = ?2, finishedAt = ?3, resultJson = ?4, makespanMs = ?5, eventCount = ?6",
                "id = ?1",
                id,
                reason,
                finishedAt,
                resultJson,
                makespanMs,
                eventCount);
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
        return transition(
                RunState.before(RunState.INTERRUPTED),
                RunState.INTERRUPTED,
                "reason = ?2, finishedAt = ?3",
                "id = ?1 and (heartbeatAt is null or heartbeatAt < ?4)",
                id,
                reason,
                now,
                cutoff);
    }

    /** Shutdown: this instance's unfinished runs become interrupted (other instances' runs are theirs). */
    public Uni<Integer> interruptOwn(String instanceId, String reason, Instant now) {
        return transition(
                RunState.before(RunState.INTERRUPTED),
                RunState.INTERRUPTED,
                "reason = ?2, finishedAt = ?3",
                "instanceId = ?1",
                instanceId,
                reason,
                now);
    }

    /**
     * {@code update runs set status = to, <set> where <where> and status in from}: the one shape of a status
     * change. {@code params} are {@code ?1..?n} of {@code set} and {@code where}; each state in {@code from} must be
     * allowed to become {@code to} ({@link RunState#to} refuses the others).
     */
    private Uni<Integer> transition(List<RunState> from, RunState to, String set, String where, Object... params) {
        from.forEach(state -> state.to(to));
        int n = params.length;
        var all = Arrays.copyOf(params, n + 2);
        all[n] = to.wireName();
        all[n + 1] = wireNames(from);
        return update("status = ?" + (n + 1) + ", " + set + " where " + where + " and status in ?" + (n + 2), all);
    }
}
