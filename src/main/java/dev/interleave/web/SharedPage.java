package dev.interleave.web;

import dev.interleave.service.ServiceException;
import dev.interleave.service.run.SharedService;
import dev.interleave.service.view.ComparisonView;
import dev.interleave.service.view.RunView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /s/{slug}}: a shared run or comparison, read-only, for anyone with the link. The page names what was
 * shared; the replay island fetches the events through the stream with {@code ?share=slug}.
 */
@Path("/s/{slug}")
public class SharedPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(SharedItem item);

        static native TemplateInstance missing(String slug);

        static native TemplateInstance embed(SharedItem item);
    }

    private final SharedService shared;
    private final SecurityHeaders security;

    public SharedPage(SharedService shared, SecurityHeaders security) {
        this.shared = shared;
        this.security = security;
    }

    /**
     * The shared page, or with {@code ?embed=1} a compact read-only frame (timeline and replay controls) for
     * slides and course pages, which the configured sites may frame ({@code interleave.embed.frame-ancestors}).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> get(@PathParam("slug") String slug, @QueryParam("embed") String embed) {
        boolean framed = "1".equals(embed);
        return shared.find(slug)
                .map(found -> framed
                        ? Response.ok(Templates.embed(SharedItem.of(slug, found)))
                                .header(SecurityHeaders.CSP, security.embedPolicy())
                                .build()
                        : Response.ok(Templates.page(SharedItem.of(slug, found)))
                                .build())
                .onFailure(ServiceException.NotFound.class)
                .recoverWithItem(() ->
                        Response.status(404).entity(Templates.missing(slug)).build());
    }

    /** What the page header says about the shared thing. */
    public record SharedItem(String slug, String kind, String id, String title, String schedulers) {

        static SharedItem of(String slug, Object found) {
            return switch (found) {
                case RunView run ->
                    new SharedItem(
                            slug,
                            "run",
                            run.id(),
                            RunRow.of(run).name(),
                            RunRow.of(run).scheduler());
                case ComparisonView c ->
                    new SharedItem(
                            slug,
                            "comparison",
                            c.id(),
                            c.runs().isEmpty()
                                    ? "(empty comparison)"
                                    : RunRow.of(c.runs().getFirst()).name(),
                            String.join(
                                    " · ",
                                    c.runs().stream()
                                            .map(r -> RunRow.of(r).scheduler())
                                            .toList()));
                default -> throw new IllegalStateException("unexpected shared item " + found.getClass());
            };
        }
    }
}
