package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OwnerRepository implements PanacheRepositoryBase<OwnerEntity, String> {

    /** Records the owner if it is new; concurrent first requests of one owner are harmless. */
    public Uni<Void> ensure(String ownerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into owners (id, created_at) values (:id, now()) on conflict do nothing")
                        .setParameter("id", ownerId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** True if the owner has a row: it was seen (and saved something) before. */
    public Uni<Boolean> exists(String ownerId) {
        return findById(ownerId).map(found -> found != null);
    }
}
