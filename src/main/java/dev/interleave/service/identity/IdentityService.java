package dev.interleave.service.identity;

import dev.interleave.persistence.OwnerRepository;
import dev.interleave.persistence.TokenRepository;
import dev.interleave.service.view.TokenView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns what. An anonymous owner is identified by a random cookie secret; its id is derived from the secret,
 * so recognising a cookie needs no database. API tokens are random too; only their SHA-256 is stored.
 */
@ApplicationScoped
public class IdentityService {

    private final OwnerRepository owners;
    private final TokenRepository tokens;
    /** Owners known to have a row, so writes need not upsert each time. */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();
    /** Token hash to owner id; tokens are never revoked yet, so entries never go stale. */
    private final Map<String, String> tokenOwners = new ConcurrentHashMap<>();

    IdentityService(OwnerRepository owners, TokenRepository tokens) {
        this.owners = owners;
        this.tokens = tokens;
    }

    /** A fresh cookie secret for a new anonymous owner (256 random bits). */
    public String newCookieSecret() {
        return Ids.random(32);
    }

    /** The owner behind a cookie secret; any well-formed secret names an owner (possibly one with nothing yet). */
    public Owner fromCookie(String secret) {
        return new Owner(Ids.derived("a_", secret), true);
    }

    /** The owner of a bearer token, or null for an unknown token. */
    public Uni<Owner> fromBearer(String token) {
        String hash = Ids.sha256Hex(token);
        String cached = tokenOwners.get(hash);
        if (cached != null) {
            return Uni.createFrom().item(new Owner(cached, false));
        }
        return Panache.withSession(() -> tokens.ownerOf(hash)).map(owner -> {
            if (owner == null) {
                return null;
            }
            tokenOwners.put(hash, owner);
            return new Owner(owner, false);
        });
    }

    /** A new token for {@code owner}, returned once. */
    public Uni<TokenView> createToken(Owner owner) {
        String id = Ids.id();
        String token = "il_" + Ids.random(32);
        return Panache.withTransaction(() -> ensure(owner.id())
                        .chain(() -> tokens.save(id, owner.id(), Ids.sha256Hex(token), Instant.now())))
                .replaceWith(new TokenView(id, token));
    }

    /** Records the owner row (inside the caller's session) unless already known. */
    public Uni<Void> ensure(String ownerId) {
        if (ensured.contains(ownerId)) {
            return Uni.createFrom().voidItem();
        }
        return owners.ensure(ownerId).invoke(() -> ensured.add(ownerId));
    }
}
