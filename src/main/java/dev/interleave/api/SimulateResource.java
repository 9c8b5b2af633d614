package dev.interleave.api;

import dev.interleave.service.run.SimulationService;
import dev.interleave.service.view.RunView;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Virtual-time runs. CPU-bound, so on a worker thread, never the event loop. */
@Path("/api/v1/simulate")
public class SimulateResource {

    private final SimulationService simulation;

    SimulateResource(SimulationService simulation) {
        this.simulation = simulation;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RunView simulate(SimulateRequest body) {
        var request = Bodies.required(body);
        return simulation.simulate(request.graph(), request.scheduler());
    }
}
