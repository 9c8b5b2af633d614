package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<TokenEntity, String> {

    public Uni<Void> save(String id, String ownerId, String tokenHash, Instant createdAt) {
        var e = new TokenEntity();
        e.id = id;
        e.ownerId = ownerId;
        e.tokenHash = tokenHash;
        e.createdAt = createdAt;
        return persist(e).replaceWithVoid();
    }

    /** The owner of the token with this hash, or null. */
    public Uni<String> ownerOf(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult().map(t -> t == null ? null : t.ownerId);
    }
}
