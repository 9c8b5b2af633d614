package dev.interleave.api;

import dev.interleave.service.run.JunitReports;
import dev.interleave.service.run.SimulationService;
import dev.interleave.service.view.RunView;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Virtual-time runs. CPU-bound, so on a worker thread, never the event loop. */
@Path("/api/v1/simulate")
public class SimulateResource {

    private final SimulationService simulation;
    private final CallerIdentity caller;

    SimulateResource(SimulationService simulation, CallerIdentity caller) {
        this.simulation = simulation;
        this.caller = caller;
    }

    /**
     * The run without its events unless {@code ?events=true}: they are most of the answer (×13 the request).
     * {@code ?format=junit}: the budget ({@code expect}) as JUnit XML instead.
     */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    public Response simulate(
            SimulateRequest body, @QueryParam("events") boolean events, @QueryParam("format") String format) {
        boolean junit = Formats.junit(format);
        var request = Bodies.required(body);
        simulation.charge(caller.client().address(), 1);
        RunView run = simulation.simulate(request.graph(), request.scheduler(), request.expect());
        if (junit) {
            return Response.ok(JunitReports.run(run), Formats.JUNIT).build();
        }
        return Response.ok(events ? run : run.withoutEvents(), MediaType.APPLICATION_JSON)
                .build();
    }
}
