package dev.interleave.api;

import dev.interleave.service.run.SimulationService;
import dev.interleave.service.view.RunView;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Virtual-time runs. CPU-bound, so on a worker thread, never the event loop. */
@Path("/api/v1/simulate")
public class SimulateResource {

    private final SimulationService simulation;
    private final CallerIdentity caller;

    SimulateResource(SimulationService simulation, CallerIdentity caller) {
        this.simulation = simulation;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    /** The run without its events unless {@code ?events=true}: they are most of the answer (×13 the request). */
    public RunView simulate(SimulateRequest body, @QueryParam("events") boolean events) {
        var request = Bodies.required(body);
        simulation.charge(caller.client().address(), 1);
        var run = simulation.simulate(request.graph(), request.scheduler());
        return events ? run : run.withoutEvents();
    }
}
