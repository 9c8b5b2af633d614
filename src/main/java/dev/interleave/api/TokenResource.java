package dev.interleave.api;

import dev.interleave.service.identity.IdentityService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** API tokens for scripts: the token is in this response only; afterwards send it as a bearer token. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final IdentityService identity;
    private final CallerIdentity caller;

    TokenResource(IdentityService identity, CallerIdentity caller) {
        this.identity = identity;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create() {
        return identity.createToken(caller.owner())
                .map(t -> Response.status(201).entity(t).build());
    }
}
