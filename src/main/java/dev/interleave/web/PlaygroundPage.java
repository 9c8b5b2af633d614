package dev.interleave.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.config.PlaygroundConfig;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.Violation;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.identity.TrustedProxies;
import dev.interleave.service.run.SimulationService;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.SchedulerView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

        static native TemplateInstance page$problems(List<Violation> problems);
    }

    private static final List<String> TYPES = List.of("sequential", "event_loop", "parallel", "threads");

    /** Schedulers whose simulation takes the workers field (skipped while the server refuses it). */
    private static final Set<String> WITH_WORKERS = Set.of("parallel", "threads");

    private final Examples examples;
    private final ObjectMapper json;
    private final SimulationService simulations;
    private final PlaygroundConfig config;
    private final GraphInput input;
    private final TrustedProxies proxies;

    public PlaygroundPage(
            Examples examples,
            ObjectMapper json,
            SimulationService simulations,
            PlaygroundConfig config,
            GraphInput input,
            TrustedProxies proxies) {
        this.proxies = proxies;
        this.examples = examples;
        this.json = json;
        this.simulations = simulations;
        this.config = config;
        this.input = input;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("example") String slug) {
        Example selected =
                slug == null ? examples.first() : examples.bySlug(slug).orElse(examples.first());
        return Templates.page(examples.all(), selected);
    }

    /**
     * htmx: the page's one prediction channel, asked on every edit. The "Predicted: ..." line, a warning for each
     * scheduler whose run would hit the deadline, and the chosen scheduler's virtual-time run for the timeline's
     * preview; or, for a graph or worker count the server refuses, every violation with its JSON pointer (422),
     * which the page shows once in this list and at the offending field. Values are never adjusted.
     */
    @POST
    @Path("playground/prediction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response prediction(
            @FormParam("graph") String graphJson,
            @FormParam("scheduler") String scheduler,
            @FormParam("workers") String workers,
            @FormParam("gil") String gilField,
            @Context HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        var client = proxies.client(
                peer, http.getHeader("X-Forwarded-For"), http.getHeader("X-Forwarded-Proto"), http.isSSL());
        try {
            simulations.charge(client.address(), TYPES.size()); // one simulation per scheduler below
        } catch (ServiceException.Busy busy) {
            return Response.fromResponse(problems(List.of(new Violation(
                            "", "too-many-predictions", "Too many predictions from your network; wait a moment."))))
                    .status(429)
                    .header("Retry-After", Math.max(1, busy.retryAfter().toSeconds()))
                    .build();
        }
        GraphSpec spec;
        try {
            spec = json.readValue(graphJson == null ? "" : graphJson, GraphSpec.class);
        } catch (JsonProcessingException e) {
            return problems(List.of(new Violation(
                    "/graph",
                    "malformed-json",
                    "The graph is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ").")));
        }
        var violations = new LinkedHashSet<Violation>();
        Integer lanes = workers(workers, violations);
        Boolean gil = gil(gilField, violations);
        if (violations.isEmpty()) {
            try {
                input.scheduler(new SchedulerView("threads", lanes, gil, null), "/scheduler"); // apart from the graph
            } catch (ServiceException.Invalid e) {
                violations.addAll(e.violations());
            }
        }
        boolean refused = !violations.isEmpty();
        var runs = new HashMap<String, RunView>();
        for (String type : TYPES) {
            if (WITH_WORKERS.contains(type) && refused) {
                continue;
            }
            try {
                runs.put(type, simulations.simulate(spec, view(type, lanes, gil)));
            } catch (ServiceException.Invalid e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            return problems(List.copyOf(violations));
        }
        String chosen = scheduler != null && TYPES.contains(scheduler) ? scheduler : "event_loop";
        var prediction = new Prediction(
                runs.get("sequential").makespanMs(),
                runs.get("event_loop").makespanMs(),
                runs.get("parallel").makespanMs(),
                runs.get("threads").makespanMs(),
                runs.get("parallel").scheduler().workers(),
                !Boolean.FALSE.equals(runs.get("threads").scheduler().gil()),
                chosen,
                config.runs().deadline().toMillis(),
                json(runs.get(chosen)));
        return Response.ok(Templates.page$prediction(prediction)).build();
    }

    /**
     * The workers field as typed (null when not sent: the configured default); a blank or non-number is a
     * violation, like a number out of range.
     */
    private static Integer workers(String typed, Set<Violation> violations) {
        if (typed == null) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            violations.add(new Violation(
                    "/scheduler/workers",
                    "workers-not-a-number",
                    "workers must be a whole number from 1 to " + SchedulerSpec.MAX_WORKERS + ", was '" + typed + "'"));
            return null;
        }
    }

    /** The scheduler of one simulation: workers for parallel and threads, the GIL field for threads. */
    private static SchedulerView view(String type, Integer lanes, Boolean gil) {
        return switch (type) {
            case "parallel" -> new SchedulerView(type, lanes);
            case "threads" -> new SchedulerView(type, lanes, gil, null);
            default -> new SchedulerView(type, null);
        };
    }

    /** The GIL field: {@code on} (also when not sent: the default) or {@code off}; anything else is a violation. */
    private static Boolean gil(String typed, Set<Violation> violations) {
        if (typed == null || typed.equals("on")) {
            return null;
        }
        if (typed.equals("off")) {
            return false;
        }
        violations.add(
                new Violation("/scheduler/gil", "gil-not-on-or-off", "gil must be on or off, was '" + typed + "'"));
        return null;
    }

    private String json(RunView run) {
        try {
            return json.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulated run could not be written as JSON", e);
        }
    }

    private static Response problems(List<Violation> violations) {
        return Response.status(422)
                .entity(Templates.page$problems(violations))
                .type(MediaType.TEXT_HTML)
                .build();
    }
}
