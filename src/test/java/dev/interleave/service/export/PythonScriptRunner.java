package dev.interleave.service.export;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs an exported script with the machine's python3 and returns its INTERLEAVE_RESULT line, parsed. */
final class PythonScriptRunner {

    static final String RESULT_PREFIX = "INTERLEAVE_RESULT ";
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private int scripts;

    PythonScriptRunner(Path directory) {
        this.directory = directory;
    }

    /** Fails (never skips) when python3 cannot be started: the exports are unchecked without it. */
    static void requirePython() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                fail("python3 --version did not succeed; the exported scripts cannot be checked");
            }
        } catch (IOException e) {
            fail("python3 is not on the PATH (" + e.getMessage() + "); install it (Debian: apt-get install python3)"
                    + " - the exported Python scripts are checked by running them");
        }
    }

    JsonNode run(String script) throws IOException, InterruptedException {
        String text = output(script);
        String line = text.lines()
                .filter(l -> l.startsWith(RESULT_PREFIX))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + RESULT_PREFIX + "line in:\n" + text));
        return JSON.readTree(line.substring(RESULT_PREFIX.length()));
    }

    /** Everything the script printed (stdout and stderr), decoded as UTF-8; fails if it did not exit with 0. */
    String output(String script) throws IOException, InterruptedException {
        int n = ++scripts;
        Path file = directory.resolve("export_" + n + ".py");
        Path output = directory.resolve("export_" + n + ".out");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!python.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            fail("python3 " + file + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (python.exitValue() != 0) {
            fail("python3 " + file + " exited with " + python.exitValue() + ":\n" + text);
        }
        return text;
    }
}
