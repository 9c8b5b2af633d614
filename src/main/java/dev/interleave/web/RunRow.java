package dev.interleave.web;

import dev.interleave.service.view.RunView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line of the /runs table, already in words. */
public record RunRow(
        String id, String name, String scheduler, String status, String makespan, String created, String share) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    static RunRow of(RunView run) {
        String scheduler = switch (run.scheduler().type()) {
            case "event_loop" -> "event loop";
            case "parallel" -> "parallel · " + run.scheduler().workers();
            default -> run.scheduler().type();
        };
        String makespan =
                run.makespanMs() == null ? "–" : String.format(Locale.ROOT, "%.3f s", run.makespanMs() / 1000);
        String share = run.links() == null ? null : run.links().get("share");
        return new RunRow(
                run.id(),
                graphName(run.graph()),
                scheduler,
                run.status().replace('_', ' '),
                makespan,
                run.createdAt() == null ? "" : WHEN.format(run.createdAt()) + " UTC",
                share);
    }

    /** The graph's name from its stored JSON (already validated by the service, so normally readable). */
    private static String graphName(String graphJson) {
        if (graphJson == null) {
            return "(unnamed)";
        }
        try {
            var node = JSON.readTree(graphJson).path("name");
            return node.isTextual() && !node.asText().isBlank() ? node.asText() : "(unnamed)";
        } catch (java.io.IOException e) {
            return "(unnamed)";
        }
    }
}
