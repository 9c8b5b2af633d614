package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ComparisonRepository implements PanacheRepositoryBase<ComparisonEntity, String> {

    public Uni<Void> insert(
            String id,
            String ownerId,
            String slug,
            String graphJson,
            String graphId,
            Instant createdAt,
            String expectJson,
            String notifyUrl) {
        var e = new ComparisonEntity();
        e.id = id;
        e.ownerId = ownerId;
        e.shareSlug = slug;
        e.graphJson = graphJson;
        e.graphId = graphId;
        e.createdAt = createdAt;
        e.expectJson = expectJson;
        e.notifyUrl = notifyUrl;
        return persist(e).replaceWithVoid();
    }

    /** The comparison without runs; null if unknown. Callers add runs from {@link RunRepository}. */
    public Uni<StoredComparison> findComparison(String id) {
        return findById(id).map(ComparisonRepository::withoutRuns);
    }

    public Uni<StoredComparison> findBySlug(String slug) {
        return find("shareSlug", slug).firstResult().map(ComparisonRepository::withoutRuns);
    }

    private static StoredComparison withoutRuns(ComparisonEntity e) {
        return e == null
                ? null
                : new StoredComparison(
                        e.id,
                        e.ownerId,
                        e.shareSlug,
                        e.graphJson,
                        e.graphId,
                        e.createdAt,
                        java.util.List.of(),
                        e.expectJson,
                        e.notifyUrl);
    }
}
