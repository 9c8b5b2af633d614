package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class GraphRepository implements PanacheRepositoryBase<GraphEntity, String> {

    public Uni<StoredGraph> save(StoredGraph graph, int taskCount) {
        var e = new GraphEntity();
        e.id = graph.id();
        e.ownerId = graph.ownerId();
        e.name = graph.name();
        e.graphJson = graph.graphJson();
        e.taskCount = taskCount;
        e.createdAt = graph.createdAt();
        return persist(e).map(EntityMapper::graph);
    }

    /** The graph if it exists and belongs to {@code ownerId}, else null. */
    public Uni<StoredGraph> findOwned(String id, String ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResult().map(EntityMapper::graph);
    }

    public Uni<List<StoredGraph>> listOwned(String ownerId, int page, int size) {
        return find("ownerId", Sort.descending("createdAt").and("id"), ownerId)
                .page(page, size)
                .list()
                .map(list -> list.stream().map(EntityMapper::graph).toList());
    }

    public Uni<Long> countOwned(String ownerId) {
        return count("ownerId", ownerId);
    }

    public Uni<Boolean> deleteOwned(String id, String ownerId) {
        return delete("id = ?1 and ownerId = ?2", id, ownerId).map(n -> n > 0);
    }
}
