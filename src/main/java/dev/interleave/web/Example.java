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
 * @param workers   what the workers field opens with (parallel processes, threads of a threads run)
 * @param gil       what the GIL field opens with (threads only; on unless the example is about free threading)
 * @param graph     the graph in the public JSON contract
 */
public record Example(
        String slug,
        String title,
        String shortTitle,
        String notice,
        String scheduler,
        int workers,
        boolean gil,
        JsonNode graph) {

    public Example {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(shortTitle, "shortTitle");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(graph, "graph");
        if (workers < 1) {
            throw new IllegalArgumentException("an example's workers must be at least 1, was " + workers);
        }
    }

    /** The graph as compact JSON text, for the editor's initial state. */
    public String graphJson() {
        return graph.toString();
    }
}
