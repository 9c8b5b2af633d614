package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<TokenEntity, String> {

    public Uni<Void> save(StoredToken token) {
        var e = new TokenEntity();
        e.id = token.id();
        e.ownerId = token.ownerId();
        e.tokenHash = token.tokenHash();
        e.createdAt = token.createdAt();
        e.expiresAt = token.expiresAt();
        return persist(e).replaceWithVoid();
    }

    /** The token with this hash that has not expired at {@code now}, or null. */
    public Uni<StoredToken> findLive(String tokenHash, Instant now) {
        return find("tokenHash = ?1 and (expiresAt is null or expiresAt > ?2)", tokenHash, now)
                .firstResult()
                .map(TokenRepository::stored);
    }

    /** The owner's tokens, oldest first. */
    public Uni<List<StoredToken>> listOwned(String ownerId) {
        return find("ownerId", Sort.ascending("createdAt").and("id"), ownerId)
                .list()
                .map(list -> list.stream().map(TokenRepository::stored).toList());
    }

    public Uni<Long> countOwned(String ownerId) {
        return count("ownerId", ownerId);
    }

    /** Deletes the owner's token {@code id}; returns it as it was, or null if the owner has no such token. */
    public Uni<StoredToken> deleteOwned(String id, String ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId)
                .firstResult()
                .chain(e -> e == null ? Uni.createFrom().nullItem() : delete(e).replaceWith(stored(e)));
    }

    private static StoredToken stored(TokenEntity e) {
        return e == null ? null : new StoredToken(e.id, e.ownerId, e.tokenHash, e.createdAt, e.expiresAt);
    }
}
