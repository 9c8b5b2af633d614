package dev.interleave.api;

import dev.interleave.service.run.ComparisonService;
import dev.interleave.service.view.ComparisonView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
    public Uni<Response> compare(CompareRequest body) {
        var request = Bodies.required(body);
        return comparisons
                .create(caller.owner(), request.graph(), request.graphId(), request.schedulers())
                .map(c -> Response.accepted(c)
                        .location(URI.create(c.links().get("self")))
                        .build());
    }

    @GET
    @Path("comparisons/{id}")
    public Uni<ComparisonView> get(@PathParam("id") String id) {
        return comparisons.get(caller.owner(), id);
    }
}
