package dev.interleave.api;

import dev.interleave.service.classroom.ClassRecords;
import dev.interleave.service.classroom.ClassView;
import dev.interleave.service.classroom.Classes;
import dev.interleave.service.classroom.DashboardView;
import dev.interleave.service.classroom.Dashboards;
import dev.interleave.service.classroom.JoinQr;
import dev.interleave.service.classroom.NewClass;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /api/v1/classes}: class sessions from the teacher's side. Only the teacher (the owner who opened the
 * class) may read or control one: a student gets 403 {@code not-teacher}, anyone else 404.
 */
@Path("/api/v1/classes")
@Produces(MediaType.APPLICATION_JSON)
public class ClassResource {

    private final Classes classes;
    private final Dashboards dashboards;
    private final ClassRecords records;
    private final CallerIdentity caller;

    ClassResource(Classes classes, Dashboards dashboards, ClassRecords records, CallerIdentity caller) {
        this.classes = classes;
        this.dashboards = dashboards;
        this.records = records;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open a class on one of my challenges",
            description = "A 6-character join code (unambiguous alphabet), a join path and a QR code of the join"
                    + " link. pacing: teacher (default) or self; variants: per-student durations.")
    public Uni<Response> open(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(name = "teacher-paced", value = ClassExamples.OPEN)))
                    NewClass body) {
        return classes.open(caller.owner(), Bodies.required(body))
                .map(c -> Response.created(URI.create(c.links().get("self")))
                        .entity(c)
                        .build());
    }

    @GET
    @Operation(summary = "My classes (open and past), newest first")
    public Uni<List<ClassView>> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        var paging = Paging.of(page, size);
        return classes.list(caller.owner(), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public Uni<ClassView> get(@PathParam("id") String id) {
        return classes.get(caller.owner(), id);
    }

    @POST
    @Path("{id}/reveal")
    @Operation(summary = "Reveal the current step to the room (teacher-paced); its answers close")
    public Uni<ClassView> reveal(@PathParam("id") String id) {
        return classes.reveal(caller.owner(), id);
    }

    @POST
    @Path("{id}/advance")
    @Operation(summary = "Open the next step for answers")
    public Uni<ClassView> advance(@PathParam("id") String id) {
        return classes.advance(caller.owner(), id);
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "End the class: no more joins or answers; results stay")
    public Uni<ClassView> close(@PathParam("id") String id) {
        return classes.close(caller.owner(), id);
    }

    @POST
    @Path("{id}/reopen")
    @Operation(summary = "Reopen a past class, with a fresh join code")
    public Uni<ClassView> reopen(@PathParam("id") String id) {
        return classes.reopen(caller.owner(), id);
    }

    @GET
    @Path("{id}/dashboard")
    @Operation(summary = "The current step's answers folded: histogram, share correct, misconceptions, missing")
    public Uni<DashboardView> dashboard(@PathParam("id") String id) {
        return dashboards.dashboard(caller.owner(), id);
    }

    @GET
    @Path("{id}/answers")
    @Operation(summary = "Every answer of the class with its student and grade")
    public Uni<List<ClassRecords.Row>> answers(@PathParam("id") String id) {
        return records.rows(caller.owner(), id);
    }

    @GET
    @Path("{id}/answers.csv")
    @Produces("text/csv")
    @Operation(summary = "Every answer as CSV (RFC 4180; texts that look like formulas are neutralised)")
    public Uni<Response> csv(@PathParam("id") String id) {
        return records.csv(caller.owner(), id)
                .map(csv -> Response.ok(csv, "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"class-" + id + ".csv\"")
                        .build());
    }

    @GET
    @Path("{id}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "A QR code of the class's absolute join link on this server (drawn here, no service)")
    public Uni<Response> qr(@PathParam("id") String id, @Context UriInfo uri) {
        return classes.get(caller.owner(), id)
                .map(c -> Response.ok(
                                JoinQr.svg(
                                        uri.getBaseUri().resolve(c.joinPath()).toString()),
                                "image/svg+xml")
                        .header("Cache-Control", "private, no-store")
                        .build());
    }
}
