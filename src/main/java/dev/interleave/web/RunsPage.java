package dev.interleave.web;

import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.identity.OwnerCookie;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.PageView;
import dev.interleave.service.view.RunView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /runs}: the caller's runs, newest first, paged, each with open / share / delete. */
@Path("/runs")
public class RunsPage {

    @CheckedTemplate
    static class Templates {
        /** @param previous, next page numbers (from 0) of the neighbours, or null at either end */
        static native TemplateInstance page(
                List<RunRow> rows, int shownPage, Integer previous, Integer next, long total);

        static native TemplateInstance page$deleteFailed(String message);
    }

    static final int PAGE_SIZE = 20;
    private final RunService runs;
    private final OwnerCookie cookies;

    public RunsPage(RunService runs, OwnerCookie cookies) {
        this.runs = runs;
        this.cookies = cookies;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> get(@CookieParam(OwnerCookie.NAME) String secret, @QueryParam("page") Integer page) {
        int current = page == null || page < 0 ? 0 : page;
        Owner owner = cookies.owner(secret);
        Uni<PageView<RunView>> listed = owner == null
                ? Uni.createFrom().item(new PageView<>(List.of(), current, PAGE_SIZE, 0))
                : runs.list(owner, current, PAGE_SIZE);
        return listed.map(p -> Templates.page(
                p.items().stream().map(RunRow::of).toList(),
                current + 1,
                current > 0 ? current - 1 : null,
                (long) (current + 1) * PAGE_SIZE < p.total() ? current + 1 : null,
                p.total()));
    }

    /** htmx: removes the row (empty 200 swapped over it), or says in place why it could not. */
    @DELETE
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> delete(
            @CookieParam(OwnerCookie.NAME) String secret,
            @PathParam("id") String id,
            @HeaderParam("Sec-Fetch-Site") String fetchSite,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        Owner owner = cookies.owner(secret);
        if (owner == null || cookies.crossSite(fetchSite, origin, host)) {
            return Uni.createFrom().item(failed("This run is not yours to delete."));
        }
        return runs.delete(owner, id)
                .map(ignored -> Response.ok("").build())
                .onFailure(ServiceException.NotFound.class)
                .recoverWithItem(() -> failed("This run was already deleted; reload the page."));
    }

    private static Response failed(String message) {
        return Response.status(422)
                .entity(Templates.page$deleteFailed(message))
                .type(MediaType.TEXT_HTML)
                .build();
    }
}
