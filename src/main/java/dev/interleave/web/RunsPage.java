package dev.interleave.web;

import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.identity.OwnerCookie;
import dev.interleave.service.identity.TrustedProxies;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.PageView;
import dev.interleave.service.view.RunView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
    static final int MAX_PAGE = 100_000;
    private final RunService runs;
    private final OwnerCookie cookies;

    private final TrustedProxies proxies;

    public RunsPage(RunService runs, OwnerCookie cookies, TrustedProxies proxies) {
        this.runs = runs;
        this.cookies = cookies;
        this.proxies = proxies;
    }

    /** The owner named by the request's cookie (absent, sent twice or not this service's: nobody, as null). */
    private Uni<Owner> owner(String cookieHeader, HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        var client = proxies.client(
                peer, http.getHeader("X-Forwarded-For"), http.getHeader("X-Forwarded-Proto"), http.isSSL());
        return cookies.resolveIn(cookieHeader, client.https());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> get(
            @HeaderParam("Cookie") String cookieHeader,
            @Context HttpServerRequest http,
            @QueryParam("page") Integer page) {
        // Bounded so the row offset (current * PAGE_SIZE) cannot overflow; past the last page the list is empty.
        int current = page == null || page < 0 ? 0 : Math.min(page, MAX_PAGE);
        return owner(cookieHeader, http)
                .chain(owner -> owner == null
                        ? Uni.createFrom().item(new PageView<RunView>(List.of(), current, PAGE_SIZE, 0))
                        : runs.list(owner, current, PAGE_SIZE))
                .map(p -> Templates.page(
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
            @HeaderParam("Cookie") String cookieHeader,
            @Context HttpServerRequest http,
            @PathParam("id") String id,
            @HeaderParam("Sec-Fetch-Site") String fetchSite,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        if (cookies.crossSite(fetchSite, origin, host)) {
            return Uni.createFrom().item(failed("This run is not yours to delete."));
        }
        return owner(cookieHeader, http)
                .chain(owner -> owner == null
                        ? Uni.createFrom().item(failed("This run is not yours to delete."))
                        : runs.delete(owner, id)
                                .map(ignored -> Response.ok("").build())
                                .onFailure(ServiceException.NotFound.class)
                                .recoverWithItem(() -> failed("This run was already deleted; reload the page.")));
    }

    private static Response failed(String message) {
        return Response.status(422)
                .entity(Templates.page$deleteFailed(message))
                .type(MediaType.TEXT_HTML)
                .build();
    }
}
