package dev.interleave.api;

import dev.interleave.service.identity.Owner;
import jakarta.enterprise.context.RequestScoped;

/** The owner of the current request, set by {@link IdentityFilter} before any resource method runs. */
@RequestScoped
public class CallerIdentity {

    private Owner owner;
    private String newCookieSecret;

    public Owner owner() {
        if (owner == null) {
            throw new IllegalStateException("no identity: the request did not pass IdentityFilter");
        }
        return owner;
    }

    void set(Owner owner, String newCookieSecret) {
        this.owner = owner;
        this.newCookieSecret = newCookieSecret;
    }

    /** A cookie secret minted for this request, to be sent back; null when the caller already had one. */
    String newCookieSecret() {
        return newCookieSecret;
    }
}
