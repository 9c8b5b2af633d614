package dev.interleave.api;

import dev.interleave.service.classroom.Challenge;
import dev.interleave.service.classroom.Challenges;
import dev.interleave.service.classroom.NewChallenge;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code /api/v1/challenges}: a teacher's challenges (ordered steps of graphs and questions), private to them. */
@Path("/api/v1/challenges")
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

    private final Challenges challenges;
    private final CallerIdentity caller;

    ChallengeResource(Challenges challenges, CallerIdentity caller) {
        this.challenges = challenges;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make a challenge",
            description = "Ordered steps, each an inline graph or a saved graphId (copied in), 1 to 5 guess-first"
                    + " questions and an optional note. 422 graph-invalid with a pointer for any bad step.")
    public Uni<Response> create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "two steps",
                                                            value = ClassExamples.CHALLENGE)))
                    NewChallenge body) {
        return challenges
                .create(caller.owner(), Bodies.required(body))
                .map(c -> Response.created(URI.create(c.links().get("self")))
                        .entity(c)
                        .build());
    }

    @GET
    @Operation(summary = "My challenges, newest first")
    public Uni<List<Challenge.View>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        var paging = Paging.of(page, size);
        return challenges.list(caller.owner(), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public Uni<Challenge.View> get(@PathParam("id") String id) {
        return challenges.get(caller.owner(), id);
    }
}
