package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Guesses about runs. Every read names the owner or asks only for shared guesses: none leaks another's. */
@ApplicationScoped
public class GuessRepository implements PanacheRepositoryBase<GuessEntity, String> {

    public Uni<StoredGuess> save(StoredGuess g) {
        var e = new GuessEntity();
        e.id = g.id();
        e.runId = g.runId();
        e.ownerId = g.ownerId();
        e.questionJson = g.questionJson();
        e.answerJson = g.answerJson();
        e.gradeJson = g.gradeJson();
        e.score = g.score();
        e.correct = g.correct();
        e.misconception = g.misconception();
        e.shared = g.shared();
        e.createdAt = g.createdAt();
        return persist(e).map(StoredGuess::of);
    }

    public Uni<List<StoredGuess>> listOwned(String runId, String ownerId) {
        return find("runId = ?1 and ownerId = ?2", Sort.ascending("createdAt").and("id"), runId, ownerId)
                .list()
                .map(list -> list.stream().map(StoredGuess::of).toList());
    }

    /** The guesses the run's owner chose to show on its share page. */
    public Uni<List<StoredGuess>> listShared(String runId) {
        return find("runId = ?1 and shared = true", Sort.ascending("createdAt").and("id"), runId)
                .list()
                .map(list -> list.stream().map(StoredGuess::of).toList());
    }

    /** Sets {@code shared} on the owner's guess; null when there is no such guess. */
    public Uni<StoredGuess> setShared(String id, String runId, String ownerId, boolean shared) {
        return find("id = ?1 and runId = ?2 and ownerId = ?3", id, runId, ownerId)
                .firstResult()
                .invoke(e -> {
                    if (e != null) {
                        e.shared = shared;
                    }
                })
                .map(StoredGuess::of);
    }

    /** Per run id (of the owner's), the number of guesses and their mean score, for the "My runs" list. */
    public Uni<Map<String, Scores>> scores(String ownerId, List<String> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select g.runId, count(g), avg(g.score) from GuessEntity g"
                                        + " where g.ownerId = :owner and g.runId in :runs group by g.runId",
                                Object[].class)
                        .setParameter("owner", ownerId)
                        .setParameter("runs", runIds)
                        .getResultList())
                .map(rows -> {
                    var map = new HashMap<String, Scores>();
                    for (Object[] row : rows) {
                        map.put(
                                (String) row[0],
                                new Scores(((Number) row[1]).intValue(), ((Number) row[2]).doubleValue()));
                    }
                    return map;
                });
    }

    /** @param meanScore 0..100 */
    public record Scores(int guesses, double meanScore) {}
}
