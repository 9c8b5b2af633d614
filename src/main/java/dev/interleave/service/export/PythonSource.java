package dev.interleave.service.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.interleave.engine.graph.Task;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * A Python source file being written, and the only ways user text may enter it.
 *
 * <p>Invariant: user text (ids, labels, names) reaches the script only inside {@link #jsonLiteral} (a JSON
 * document inside a Python string literal, read back with {@code json.loads}); function names and comments get
 * a sanitised form that keeps letters, digits and {@code _.-} only. Both literals are pure ASCII, so no
 * encoding, newline or quote in the input can end a string or a comment early.
 */
final class PythonSource {

    /** Escapes everything outside ASCII (JSON unicode escapes), so its output is ASCII. */
    private static final ObjectMapper ASCII_JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final int MAX_NAME_PART = 40;

    private final StringBuilder text = new StringBuilder();

    PythonSource line(String code) {
        text.append(code).append('\n');
        return this;
    }

    PythonSource blank() {
        text.append('\n');
        return this;
    }

    /** A fixed block of this exporter's own code (never user text); must end with a newline. */
    PythonSource block(String code) {
        text.append(code);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * A Python expression evaluating to {@code document}: {@code json.loads("...")}. The inner JSON text is
     * ASCII; encoding it once more as a JSON string yields only {@code \"} and {@code \\} escapes, which mean the
     * same in a Python string literal. Non-BMP characters survive because json.loads joins surrogate pairs.
     */
    static String jsonLiteral(JsonNode document) {
        try {
            String inner = ASCII_JSON.writeValueAsString(document);
            return "json.loads(" + ASCII_JSON.writeValueAsString(inner) + ")";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    /** A Python number literal for a validated, finite duration (e.g. {@code 200}, {@code 0.5}). */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A unique identifier for the task's function, e.g. {@code task_2_fetch_users}. */
    static String functionName(Task task) {
        String readable = task.id().replaceAll("[^A-Za-z0-9_]", "_");
        if (readable.length() > MAX_NAME_PART) {
            readable = readable.substring(0, MAX_NAME_PART);
        }
        return "task_" + task.index() + "_" + readable;
    }

    /** Text safe inside a {@code #} comment: letters, digits, {@code _.-} and spaces only. */
    static String commentText(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9_.\\- ]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "..." : safe;
    }
}
