package dev.interleave.service.classroom;

import dev.interleave.service.cluster.ClusterBus;
import dev.interleave.service.identity.Ids;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells the live views of a class that it changed, on this instance and, through PostgreSQL NOTIFY, on every
 * other. A notification carries no data ("classId change instance"): listeners re-read the store, the source of
 * truth, so a lost or duplicated one costs latency, never correctness. An instance hears its own NOTIFY too; it
 * drops it, having told its local listeners already.
 */
@ApplicationScoped
public class ClassBus {

    /** What changed: an answer arrived or a student joined (the dashboard), or the phase or step (everyone). */
    public enum Change {
        ANSWER,
        JOINED,
        PHASE
    }

    private final ClusterBus cluster;
    private final String instance = Ids.random(6);
    private final Map<String, Set<Consumer<Change>>> listeners = new ConcurrentHashMap<>();

    ClassBus(ClusterBus cluster) {
        this.cluster = cluster;
    }

    void onStart(@Observes StartupEvent event) {
        cluster.classHandler(this::onNotify);
    }

    /** Calls {@code listener} (on any thread) at every change of the class; the returned Runnable unsubscribes. */
    public Runnable subscribe(String classId, Consumer<Change> listener) {
        listeners.computeIfAbsent(classId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(classId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(String classId, Change change) {
        local(classId, change);
        cluster.notify(ClusterBus.CLASSES, classId + " " + change.name() + " " + instance);
    }

    private void onNotify(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 3 || parts[2].equals(instance)) {
            return;
        }
        try {
            local(parts[0], Change.valueOf(parts[1]));
        } catch (IllegalArgumentException e) {
            // a change name this version does not know (a newer instance): nothing to refresh for it
        }
    }

    private void local(String classId, Change change) {
        var set = listeners.get(classId);
        if (set != null) {
            set.forEach(l -> l.accept(change));
        }
    }
}
