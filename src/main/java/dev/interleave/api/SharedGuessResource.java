package dev.interleave.api;

import dev.interleave.service.guess.GuessService;
import dev.interleave.service.guess.GuessView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The guesses a run's owner chose to show, for anyone with its share link. */
@Path("/api/v1/shared/{slug}/guesses")
@Produces(MediaType.APPLICATION_JSON)
public class SharedGuessResource {

    private final GuessService guesses;

    SharedGuessResource(GuessService guesses) {
        this.guesses = guesses;
    }

    @GET
    public Uni<List<GuessView>> list(@PathParam("slug") String slug) {
        return guesses.shared(slug);
    }
}
