package dev.interleave.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.Violation;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.ServiceException;
import dev.interleave.service.run.SimulationService;
import dev.interleave.service.view.SchedulerView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The playground at {@code /}: examples gallery, graph editor, scheduler picker and the live result area. Runs
 * themselves go through the JSON API and the WebSocket stream; this class renders the page and the
 * server-side prediction line (virtual-time simulations, cheap and deterministic).
 */
@Path("/")
public class PlaygroundPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<Example> examples, Example selected);

        static native TemplateInstance page$prediction(Prediction prediction);

        static native TemplateInstance page$problems(List<String> problems);
    }

    private final Examples examples;
    private final ObjectMapper json;
    private final SimulationService simulations;

    public PlaygroundPage(Examples examples, ObjectMapper json, SimulationService simulations) {
        this.examples = examples;
        this.json = json;
        this.simulations = simulations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("example") String slug) {
        Example selected =
                slug == null ? examples.first() : examples.bySlug(slug).orElse(examples.first());
        return Templates.page(examples.all(), selected);
    }

    /** htmx: the "Predicted: ..." line under the Run button; user mistakes answer 422 with plain words. */
    @POST
    @Path("playground/prediction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response prediction(@FormParam("graph") String graphJson, @FormParam("workers") Integer workers) {
        GraphSpec spec;
        try {
            spec = json.readValue(graphJson == null ? "" : graphJson, GraphSpec.class);
        } catch (JsonProcessingException e) {
            return problems(List.of(
                    "The graph is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")."));
        }
        int lanes = workers == null ? 2 : Math.clamp(workers, 1, SchedulerSpec.MAX_WORKERS);
        try {
            var prediction = new Prediction(
                    makespanMs(spec, new SchedulerView("sequential", null)),
                    makespanMs(spec, new SchedulerView("event_loop", null)),
                    makespanMs(spec, new SchedulerView("parallel", lanes)),
                    lanes);
            return Response.ok(Templates.page$prediction(prediction)).build();
        } catch (ServiceException.Invalid e) {
            return problems(
                    e.violations().stream().map(Violation::message).limit(5).toList());
        }
    }

    /** Runs on a worker thread (a blocking resource method): simulations are CPU-bound. */
    private double makespanMs(GraphSpec spec, SchedulerView scheduler) {
        return simulations.simulate(spec, scheduler).makespanMs();
    }

    private static Response problems(List<String> messages) {
        return Response.status(422)
                .entity(Templates.page$problems(messages))
                .type(MediaType.TEXT_HTML)
                .build();
    }
}
