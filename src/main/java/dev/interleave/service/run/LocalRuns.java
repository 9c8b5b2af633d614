package dev.interleave.service.run;

import dev.interleave.engine.RunHandle;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.live.RunEvents;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one owner of this instance's runs: which of them wait in admission's queue (a ticket) and which execute (a
 * handle), and the one place that decides what stopping a run means, for a cancel or a delete, whether it was asked
 * here or by another instance.
 *
 * <p>Invariants: a run is in {@link #handles} only while its keeper executes it, from before the keeper marks it
 * running until its keeper ends, so a run whose saved state is {@code running} and is not in {@link #handles}
 * executes on another instance. Nothing is kept for a run that is not queued or executing here: a stop request for
 * a run of another instance leaves no trace (the store and the other instance own it). {@link #deleted} holds only
 * runs that are in {@link #handles}; their keepers remove both.
 */
@ApplicationScoped
public class LocalRuns {

    /** Where a run to be stopped was found. */
    public enum Found {
        /** Waiting in this instance's queue: it was removed, and will never start. */
        QUEUED_HERE,
        /** Executing here: it was asked to stop; its keeper saves its end. */
        EXECUTING_HERE,
        /** Not on this instance: queued or running on another one, or already ended. */
        ELSEWHERE
    }

    /** What the stop is for. */
    public enum Stop {
        /** The run ends as cancelled (or interrupted at shutdown); its saved events stay. */
        CANCEL,
        /** The run's rows are being deleted: its keeper must save nothing more. */
        DELETE
    }

    private final String instanceId = Ids.random(9);
    private final RunAdmission admission;
    private final RunEvents hub;
    /** Written by keepers (add on start, remove at the end); read by stop requests on any thread. */
    private final Map<String, RunHandle> handles = new ConcurrentHashMap<>();
    /** Runs deleted while they execute here: their keeper stops saving (the rows are gone). */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    LocalRuns(RunAdmission admission, RunEvents hub, MeterRegistry registry) {
        this.admission = admission;
        this.hub = hub;
        registry.gauge("interleave.runs.running", handles, Map::size);
    }

    /** This instance's id, saved on the runs it executes (their lease). */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Stops {@code runId} if it is queued or executing here; the only place a stop is decided. A queued run leaves
     * the queue and its live hub entry is closed (its saved state must already say how it ended, or its row must be
     * about to go); an executing one is cancelled (and, for a delete, saves nothing more).
     */
    public Found stop(String runId, Stop stop) {
        if (admission.removeQueued(runId)) {
            hub.close(runId);
            return Found.QUEUED_HERE;
        }
        var handle = handles.get(runId);
        if (handle == null) {
            return Found.ELSEWHERE;
        }
        if (stop == Stop.DELETE) {
            deleted.add(runId);
        }
        handle.cancel();
        return Found.EXECUTING_HERE;
    }

    /**
     * A cancel asked here, once the store says how it went: {@code endedWhileQueued} if the saved run was still
     * queued and is now cancelled. Its watchers are told at once then, even when it waits inside a comparison's
     * job (queued under the comparison's id, so {@link #stop} does not find it in the queue by its own).
     */
    public Found cancel(String runId, boolean endedWhileQueued) {
        Found found = stop(runId, Stop.CANCEL);
        if (endedWhileQueued && found == Found.ELSEWHERE) {
            hub.close(runId);
        }
        return found;
    }

    /** Keeper: the run executes from now on (before it is marked running). */
    void executing(String runId, RunHandle handle) {
        handles.put(runId, handle);
    }

    /** Keeper: its run was deleted while it executed. */
    boolean isDeleted(String runId) {
        return deleted.contains(runId);
    }

    /** Keeper: its run has ended, however it ended; nothing about it is kept. */
    void ended(String runId) {
        handles.remove(runId);
        deleted.remove(runId);
    }

    /** Shutdown: asks every executing run to stop. */
    void stopAll() {
        handles.values().forEach(RunHandle::cancel);
    }

    boolean hasExecuting() {
        return !handles.isEmpty();
    }

    /** Whether anything is kept about {@code runId} here (for tests: requests about other instances' runs). */
    boolean tracks(String runId) {
        return handles.containsKey(runId) || deleted.contains(runId);
    }
}
