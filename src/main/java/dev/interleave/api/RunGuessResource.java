package dev.interleave.api;

import dev.interleave.service.guess.GuessService;
import dev.interleave.service.guess.GuessView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Guesses saved with one of the caller's runs (404 for anyone else's). */
@Path("/api/v1/runs/{id}/guesses")
@Produces(MediaType.APPLICATION_JSON)
public class RunGuessResource {

    private final GuessService guesses;
    private final CallerIdentity caller;

    RunGuessResource(GuessService guesses, CallerIdentity caller) {
        this.guesses = guesses;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(@PathParam("id") String id, GuessRequest body) {
        var request = Bodies.required(body);
        return guesses.submit(
                        caller.owner(),
                        caller.client().address(),
                        id,
                        request.question(),
                        request.answer(),
                        request.shared() != null && request.shared())
                .map(g -> Response.status(Response.Status.CREATED).entity(g).build());
    }

    @GET
    public Uni<List<GuessView>> list(@PathParam("id") String id) {
        return guesses.list(caller.owner(), id);
    }

    @PATCH
    @Path("{guessId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<GuessView> share(
            @PathParam("id") String id, @PathParam("guessId") String guessId, ShareGuessRequest body) {
        return guesses.share(
                caller.owner(),
                id,
                guessId,
                GuessResource.flag(Bodies.required(body).shared(), "shared"));
    }
}
