package dev.interleave.api;

import dev.interleave.service.graph.GraphService;
import dev.interleave.service.view.GraphView;
import dev.interleave.service.view.PageView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/v1/graphs")
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {

    private final GraphService graphs;
    private final CallerIdentity caller;

    GraphResource(GraphService graphs, CallerIdentity caller) {
        this.graphs = graphs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateGraphRequest body) {
        return graphs.create(caller.owner(), Bodies.required(body).spec())
                .map(g -> Response.created(URI.create(g.links().get("self")))
                        .entity(g)
                        .build());
    }

    @GET
    public Uni<PageView<GraphView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        var paging = Paging.of(page, size);
        return graphs.list(caller.owner(), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public Uni<GraphView> get(@PathParam("id") String id) {
        return graphs.get(caller.owner(), id);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return graphs.delete(caller.owner(), id)
                .replaceWith(Response.noContent().build());
    }
}
