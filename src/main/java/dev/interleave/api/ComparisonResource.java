package dev.interleave.api;

import dev.interleave.service.ServiceException;
import dev.interleave.service.run.ComparisonService;
import dev.interleave.service.view.ComparisonView;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    private final ComparisonService comparisons;
    private final CallerIdentity caller;

    ComparisonResource(ComparisonService comparisons, CallerIdentity caller) {
        this.comparisons = comparisons;
        this.caller = caller;
    }

    @POST
    @Path("compare")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> compare(CompareRequest body, @QueryParam("format") String format) {
        if (Formats.junit(format)) {
            // A comparison runs for real, after the answer: its verdict is not known yet.
            throw new ServiceException.BadInput("a comparison runs after this answer, so its verdict comes later: GET"
                    + " /api/v1/comparisons/{id}/junit once it has ended");
        }
        var request = Bodies.required(body);
        return comparisons
                .create(caller.owner(), caller.client().address(), request.toNewComparison())
                .map(c -> Response.accepted(c)
                        .location(URI.create(c.links().get("self")))
                        .build());
    }

    @GET
    @Path("comparisons/{id}")
    public Uni<ComparisonView> get(@PathParam("id") String id) {
        return comparisons.get(caller.owner(), id);
    }

    /** The finished comparison's budget as JUnit XML: every run against every expectation (409 until it ends). */
    @GET
    @Path("comparisons/{id}/junit")
    @Produces(MediaType.APPLICATION_XML)
    public Uni<Response> junit(@PathParam("id") String id) {
        return comparisons
                .junit(caller.owner(), id)
                .map(xml -> Response.ok(xml, Formats.JUNIT).build());
    }
}
