package dev.interleave.api;

import dev.interleave.service.ServiceException;
import dev.interleave.service.export.ExportService;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.EventsPage;
import dev.interleave.service.view.PageView;
import dev.interleave.service.view.RunView;
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

@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService runs;
    private final ExportService exports;
    private final CallerIdentity caller;

    RunResource(RunService runs, ExportService exports, CallerIdentity caller) {
        this.runs = runs;
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateRunRequest body) {
        var request = Bodies.required(body);
        return runs.create(caller.owner(), caller.client().address(), request.toNewRun())
                .map(run -> Response.accepted(run)
                        .location(URI.create(run.links().get("self")))
                        .build());
    }

    @GET
    public Uni<PageView<RunView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        var paging = Paging.of(page, size);
        return runs.list(caller.owner(), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public Uni<RunView> get(@PathParam("id") String id) {
        return runs.get(caller.owner(), id);
    }

    /** The finished run's budget as JUnit XML: one test case per expectation (409 until the run ends). */
    @GET
    @Path("{id}/junit")
    @Produces(MediaType.APPLICATION_XML)
    public Uni<Response> junit(@PathParam("id") String id) {
        return runs.junit(caller.owner(), id)
                .map(xml -> Response.ok(xml, Formats.JUNIT).build());
    }

    @POST
    @Path("{id}/cancel")
    public Uni<Response> cancel(@PathParam("id") String id) {
        return runs.cancel(caller.owner(), id).map(run -> Response.accepted(run).build());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return runs.delete(caller.owner(), id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("{id}/events")
    public Uni<EventsPage> events(@PathParam("id") String id, @QueryParam("after") String after) {
        long afterSeq;
        try {
            afterSeq = after == null || after.isBlank() ? -1 : Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new ServiceException.BadInput("after must be a sequence number, was \"" + after + "\"");
        }
        return runs.events(caller.owner(), id, afterSeq);
    }

    /** Chrome Trace Event JSON (opens in Perfetto); owner, or anyone with {@code ?share=SLUG}. */
    @GET
    @Path("{id}/trace")
    public Uni<Response> trace(@PathParam("id") String id, @QueryParam("share") String share) {
        return exports.trace(caller.owner(), share, id)
                .map(trace -> Response.ok(trace, MediaType.APPLICATION_JSON)
                        .header("Content-Disposition", "attachment; filename=\"interleave-trace.json\"")
                        .build());
    }

    /** A runnable Python 3 program reproducing the graph on {@code scheduler} (default: the run's own). */
    @GET
    @Path("{id}/python")
    @Produces("text/x-python")
    public Uni<Response> python(
            @PathParam("id") String id,
            @QueryParam("scheduler") String scheduler,
            @QueryParam("workers") Integer workers,
            @QueryParam("share") String share) {
        return exports.python(caller.owner(), share, id, scheduler, workers)
                .map(script ->
                        Response.ok(script, "text/x-python; charset=utf-8").build());
    }
}
