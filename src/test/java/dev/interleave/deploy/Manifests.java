package dev.interleave.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The YAML documents under deploy/, parsed as plain maps and lists, with typed lookups for assertions. */
final class Manifests {

    private final List<Map<String, Object>> documents;

    private Manifests(List<Map<String, Object>> documents) {
        this.documents = documents;
    }

    /** Every document of every file; a YAML error fails the test that loads them. */
    static Manifests load(List<Path> files) throws IOException {
        var documents = new ArrayList<Map<String, Object>>();
        for (Path file : files) {
            // SafeConstructor: plain data only, no custom tags.
            var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object document : yaml.loadAll(reader)) {
                    if (document != null) {
                        assertThat(document).as("a YAML document in %s", file).isInstanceOf(Map.class);
                        documents.add(map(document));
                    }
                }
            }
        }
        return new Manifests(documents);
    }

    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    /** The one object of this kind and name; fails if there is none or several. */
    Map<String, Object> get(String kind, String name) {
        var matches = ofKind(kind).stream()
                .filter(d -> name.equals(at(d, "metadata", "name")))
                .toList();
        assertThat(matches).as("%s %s", kind, name).hasSize(1);
        return matches.get(0);
    }

    boolean has(String kind, String name) {
        return ofKind(kind).stream().anyMatch(d -> name.equals(at(d, "metadata", "name")));
    }

    /** The value at a path of keys, or null if any step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    static List<Map<String, Object>> maps(Object node) {
        if (node == null) {
            return List.of();
        }
        assertThat(node).isInstanceOf(List.class);
        return ((List<?>) node).stream().map(Manifests::map).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labels(Object node) {
        return node == null ? Map.of() : (Map<String, String>) node;
    }

    static String text(Object node) {
        return Objects.toString(node, null);
    }
}
