package dev.interleave.api;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.view.TokenView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * API tokens for scripts: the token is in the creating response only; afterwards send it as a bearer token. The
 * owner lists its tokens (without them) and revokes any.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final IdentityService identity;
    private final CallerIdentity caller;
    private final long maxValidDays;

    TokenResource(IdentityService identity, CallerIdentity caller, PlaygroundConfig config) {
        this.identity = identity;
        this.caller = caller;
        this.maxValidDays = config.tokens().maxValidity().toDays();
    }

    /** {@code ?validDays=N} (1 to the configured maximum) makes a token that expires; without it, it never does. */
    @POST
    public Uni<Response> create(@QueryParam("validDays") String validDays) {
        return identity.createToken(caller.owner(), validity(validDays))
                .map(t -> Response.status(201).entity(t).build());
    }

    @GET
    public Uni<List<TokenView>> list() {
        return identity.listTokens(caller.owner());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return identity.revokeToken(caller.owner(), id)
                .replaceWith(Response.noContent().build());
    }

    private Duration validity(String validDays) {
        if (validDays == null || validDays.isBlank()) {
            return null;
        }
        try {
            long days = Long.parseLong(validDays.trim());
            if (days >= 1 && days <= maxValidDays) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ServiceException.BadInput(
                "validDays must be a whole number from 1 to " + maxValidDays + ", was \"" + validDays + "\"");
    }
}
