package dev.interleave.api;

import dev.interleave.service.identity.Client;
import dev.interleave.service.identity.Owner;
import jakarta.enterprise.context.RequestScoped;

/** The owner and client of the current request, set by {@link IdentityFilter} before any resource method runs. */
@RequestScoped
public class CallerIdentity {

    private Owner owner;
    private Client client;
    private String newCookie;

    public Owner owner() {
        if (owner == null) {
            throw new IllegalStateException("no identity: the request did not pass IdentityFilter");
        }
        return owner;
    }

    /** Where the request comes from (its address counts against the run queue's per-address share). */
    public Client client() {
        if (client == null) {
            throw new IllegalStateException("no client: the request did not pass IdentityFilter");
        }
        return client;
    }

    void set(Owner owner, Client client, String newCookie) {
        this.owner = owner;
        this.client = client;
        this.newCookie = newCookie;
    }

    /** A cookie value minted for this request, to be sent back; null when the caller already had one. */
    String newCookie() {
        return newCookie;
    }
}
