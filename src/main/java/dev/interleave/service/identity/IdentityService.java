package dev.interleave.service.identity;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.persistence.OwnerRepository;
import dev.interleave.persistence.StoredToken;
import dev.interleave.persistence.TokenRepository;
import dev.interleave.service.ServiceException;
import dev.interleave.service.view.TokenView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns what. An anonymous owner is identified by a random cookie secret; its id is derived from the secret
 * (the cookie carries it signed, see {@link OwnerCookie}). API tokens are random too; only their SHA-256 is stored.
 * An owner has at most {@code maxTokensPerOwner}; a token may expire; a revoked one is deleted.
 */
@ApplicationScoped
public class IdentityService {

    /** A token known to be live, until {@code cachedUntil} (or its own expiry, if sooner). */
    private record CachedToken(String ownerId, Instant cachedUntil) {}

    private final OwnerRepository owners;
    private final TokenRepository tokens;
    private final int maxTokensPerOwner;
    private final Duration tokenCache;
    /** Owners known to have a row, so writes need not upsert each time. */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();
    /**
     * Token hash to owner. A revoke evicts its entry here; another instance's entry lives at most
     * {@code tokenCache} longer, which bounds how long a revoked token still works there.
     */
    private final Map<String, CachedToken> tokenOwners = new ConcurrentHashMap<>();

    @Inject
    IdentityService(OwnerRepository owners, TokenRepository tokens, PlaygroundConfig config) {
        this(owners, tokens, config.tokens().perOwnerMax(), config.tokens().cache());
    }

    IdentityService(OwnerRepository owners, TokenRepository tokens, int maxTokensPerOwner, Duration tokenCache) {
        this.owners = owners;
        this.tokens = tokens;
        this.maxTokensPerOwner = maxTokensPerOwner;
        this.tokenCache = tokenCache;
    }

    /** A fresh cookie secret for a new anonymous owner (256 random bits). */
    public String newCookieSecret() {
        return Ids.random(32);
    }

    /**
     * The owner behind a cookie secret, or a whole cookie value ({@code SECRET.MAC}: the secret names the owner).
     * Does not check the signature: {@link OwnerCookie#owner} does, before it asks here.
     */
    public Owner fromCookie(String secret) {
        int dot = secret.indexOf('.');
        return new Owner(Ids.derived("a_", dot < 0 ? secret : secret.substring(0, dot)), true);
    }

    /** True if the owner has a row (it saved something at some time). */
    public Uni<Boolean> known(Owner owner) {
        if (ensured.contains(owner.id())) {
            return Uni.createFrom().item(true);
        }
        return Panache.withSession(() -> owners.exists(owner.id()));
    }

    /** The owner of a live bearer token, or null for an unknown, revoked or expired one. */
    public Uni<Owner> fromBearer(String token) {
        String hash = Ids.sha256Hex(token);
        Instant now = Instant.now();
        CachedToken cached = tokenOwners.get(hash);
        if (cached != null && now.isBefore(cached.cachedUntil())) {
            return Uni.createFrom().item(new Owner(cached.ownerId(), false));
        }
        return Panache.withSession(() -> tokens.findLive(hash, now)).map(found -> {
            if (found == null) {
                tokenOwners.remove(hash);
                return null;
            }
            Instant until = now.plus(tokenCache);
            if (found.expiresAt() != null && found.expiresAt().isBefore(until)) {
                until = found.expiresAt();
            }
            tokenOwners.put(hash, new CachedToken(found.ownerId(), until));
            return new Owner(found.ownerId(), false);
        });
    }

    /** A new token for {@code owner}, returned once; {@code validFor} null: it never expires. 429 at the cap. */
    public Uni<TokenView> createToken(Owner owner, Duration validFor) {
        String token = "il_" + Ids.random(32);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var stored = new StoredToken(
                Ids.id(), owner.id(), Ids.sha256Hex(token), now, validFor == null ? null : now.plus(validFor));
        return Panache.withTransaction(() -> ensure(owner.id())
                        .chain(() -> tokens.countOwned(owner.id()))
                        .invoke(count -> {
                            if (count >= maxTokensPerOwner) {
                                throw new ServiceException.Busy(
                                        "you have " + count + " API tokens, the most allowed; revoke one first",
                                        Duration.ZERO,
                                        "too-many-tokens");
                            }
                        })
                        .chain(() -> tokens.save(stored)))
                .replaceWith(new TokenView(stored.id(), token, stored.createdAt(), stored.expiresAt()));
    }

    /** The owner's tokens (without the tokens themselves), oldest first. */
    public Uni<List<TokenView>> listTokens(Owner owner) {
        return Panache.withSession(() -> tokens.listOwned(owner.id()))
                .map(list -> list.stream()
                        .map(t -> new TokenView(t.id(), null, t.createdAt(), t.expiresAt()))
                        .toList());
    }

    /** Deletes the owner's token {@code id} and forgets it here at once; 404 if the owner has no such token. */
    public Uni<Void> revokeToken(Owner owner, String id) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("token"));
        }
        return Panache.withTransaction(() -> tokens.deleteOwned(id, owner.id()))
                .invoke(revoked -> {
                    if (revoked == null) {
                        throw new ServiceException.NotFound("token");
                    }
                    tokenOwners.remove(revoked.tokenHash());
                })
                .replaceWithVoid();
    }

    /** Records the owner row (inside the caller's session) unless already known. */
    public Uni<Void> ensure(String ownerId) {
        if (ensured.contains(ownerId)) {
            return Uni.createFrom().voidItem();
        }
        return owners.ensure(ownerId).invoke(() -> ensured.add(ownerId));
    }
}
