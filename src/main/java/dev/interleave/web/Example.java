package dev.interleave.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One ready-made graph of the playground gallery.
 *
 * @param slug      stable name used in links ({@code /?example=two-api-calls})
 * @param title     the example's full name (page title, status line)
 * @param shortTitle what the gallery button says
 * @param notice    one paragraph: what to look at in the timeline
 * @param scheduler wire name of the scheduler the example is meant for
 * @param graph     the graph in the public JSON contract
 */
public record Example(String slug, String title, String shortTitle, String notice, String scheduler, JsonNode graph) {

    public Example {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(shortTitle, "shortTitle");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(graph, "graph");
    }

    /** The graph as compact JSON text, for the editor's initial state. */
    public String graphJson() {
        return graph.toString();
    }
}
