package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChallengeRepository implements PanacheRepositoryBase<ChallengeEntity, String> {

    public Uni<Void> save(StoredClass.Challenge c) {
        var e = new ChallengeEntity();
        e.id = c.id();
        e.ownerId = c.ownerId();
        e.title = c.title();
        e.stepsJson = c.stepsJson();
        e.createdAt = c.createdAt();
        return persist(e).replaceWithVoid();
    }

    public Uni<StoredClass.Challenge> findOwned(String id, String ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResult().map(ChallengeRepository::stored);
    }

    public Uni<StoredClass.Challenge> findStored(String id) {
        return findById(id).map(ChallengeRepository::stored);
    }

    /** The owner's challenges, newest first. */
    public Uni<List<StoredClass.Challenge>> listOwned(String ownerId, int page, int size) {
        return find("ownerId", Sort.descending("createdAt").and("id"), ownerId)
                .page(Page.of(page, size))
                .list()
                .map(list -> list.stream().map(ChallengeRepository::stored).toList());
    }

    static StoredClass.Challenge stored(ChallengeEntity e) {
        return e == null ? null : new StoredClass.Challenge(e.id, e.ownerId, e.title, e.stepsJson, e.createdAt);
    }
}
