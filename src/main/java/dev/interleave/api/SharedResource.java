package dev.interleave.api;

import dev.interleave.service.run.SharedService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Read-only views through share links; anyone with the slug may read. */
@Path("/api/v1/shared")
@Produces(MediaType.APPLICATION_JSON)
public class SharedResource {

    private final SharedService shared;

    SharedResource(SharedService shared) {
        this.shared = shared;
    }

    @GET
    @Path("{slug}")
    public Uni<Object> get(@PathParam("slug") String slug) {
        return shared.find(slug);
    }
}
