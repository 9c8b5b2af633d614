package dev.interleave.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The gallery of examples, read once from {@code examples/*.json} on the class path, in gallery order. */
@ApplicationScoped
public class Examples {

    /** Gallery order; the first one is what an empty playground opens with. */
    private static final List<String> FILES = List.of(
            "01-two-api-calls",
            "02-async-cpu",
            "03-blocking-call",
            "04-fan-out",
            "05-etl",
            "06-mixed-dag",
            "07-threads-gil",
            "08-threads-waits",
            "09-convoy",
            "10-to-thread",
            "11-rate-limit");

    /** What the workers field opens with when an example names none. */
    static final int DEFAULT_WORKERS = 4;

    private final List<Example> all;

    public Examples(ObjectMapper json) {
        var loaded = new ArrayList<Example>();
        for (String file : FILES) {
            loaded.add(read(json, file));
        }
        this.all = List.copyOf(loaded);
    }

    public List<Example> all() {
        return all;
    }

    public Example first() {
        return all.getFirst();
    }

    public Optional<Example> bySlug(String slug) {
        return all.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    private static Example read(ObjectMapper json, String file) {
        String path = "examples/" + file + ".json";
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("example missing from the class path: " + path);
            }
            JsonNode node = json.readTree(in);
            String slug = file.substring(file.indexOf('-') + 1);
            return new Example(
                    slug,
                    node.path("title").asText(),
                    node.path("short").asText(node.path("title").asText()),
                    node.path("notice").asText(),
                    node.path("scheduler").asText("event_loop"),
                    node.path("workers").asInt(DEFAULT_WORKERS),
                    node.path("gil").asBoolean(true),
                    node.path("graph"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
