package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ClassSessionRepository implements PanacheRepositoryBase<ClassSessionEntity, String> {

    public Uni<Void> save(StoredClass.Session s) {
        var e = new ClassSessionEntity();
        e.id = s.id();
        e.challengeId = s.challengeId();
        e.ownerId = s.ownerId();
        e.joinCode = s.joinCode();
        e.phase = s.phase();
        e.pacing = s.pacing();
        e.currentStep = s.currentStep();
        e.variants = s.variants();
        e.variantSeed = s.variantSeed();
        e.tolerancePct = s.tolerancePct();
        e.createdAt = s.createdAt();
        e.closedAt = s.closedAt();
        return persist(e).replaceWithVoid();
    }

    public Uni<StoredClass.Session> find(String id) {
        return findById(id).map(ClassSessionRepository::stored);
    }

    /** The class that is not closed and has this code, or null. */
    public Uni<StoredClass.Session> findLiveByCode(String code) {
        return find("joinCode = ?1 and phase <> 'closed'", code).firstResult().map(ClassSessionRepository::stored);
    }

    /** The owner's classes, newest first. */
    public Uni<List<StoredClass.Session>> listOwned(String ownerId, int page, int size) {
        return find("ownerId", Sort.descending("createdAt").and("id"), ownerId)
                .page(Page.of(page, size))
                .list()
                .map(list -> list.stream().map(ClassSessionRepository::stored).toList());
    }

    /**
     * Moves the session to {@code phase} and {@code step} only if it is in one of {@code from} and at {@code
     * atStep}, so two racing controls cannot both win; true if it moved. {@code joinCode} null keeps the code.
     */
    public Uni<Boolean> move(
            String id, Collection<String> from, int atStep, String phase, int step, String joinCode, Instant closedAt) {
        return update(
                        "phase = ?1, currentStep = ?2, joinCode = coalesce(?3, joinCode), closedAt = ?4"
                                + " where id = ?5 and phase in ?6 and currentStep = ?7",
                        phase,
                        step,
                        joinCode,
                        closedAt,
                        id,
                        List.copyOf(from),
                        atStep)
                .map(n -> n == 1);
    }

    static StoredClass.Session stored(ClassSessionEntity e) {
        return e == null
                ? null
                : new StoredClass.Session(
                        e.id,
                        e.challengeId,
                        e.ownerId,
                        e.joinCode,
                        e.phase,
                        e.pacing,
                        e.currentStep,
                        e.variants,
                        e.variantSeed,
                        e.tolerancePct,
                        e.createdAt,
                        e.closedAt);
    }
}
