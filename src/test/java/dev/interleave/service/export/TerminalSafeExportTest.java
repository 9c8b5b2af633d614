package dev.interleave.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.GraphLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.GraphValidator;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.sched.SchedulerSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever runs a program downloaded from a share link must not have their terminal driven by its author: labels
 * with escape sequences (clear screen, fake output, OSC 52 clipboard writes, bidi overrides) print as harmless
 * text, while the machine-readable result still carries them exactly.
 */
class TerminalSafeExportTest {

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @BeforeAll
    static void pythonIsInstalled() throws InterruptedException {
        PythonScriptRunner.requirePython();
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void labelsWithTerminalEscapesPrintOnlyPrintableCharacters(@TempDir Path directory) throws Exception {
        String clear = "\u001b[2J\u001b[H fake: all tests passed";
        String clipboard = "\u001b]52;c;ZWNobyBwd25lZA==\u0007copied";
        String c1 = "\u009b31m red \u202eevil\u202c \u0008\u0008 bell\u0007";
        var spec = GraphSpec.named("escapes \u001b[31m")
                .add(new TaskSpec("a", "io", 5.0, clear, List.of()))
                .add(new TaskSpec("b", "io", 5.0, clipboard, List.of()))
                .add(new TaskSpec("c", "cpu", 5.0, c1, List.of()))
                .build();
        var graph = new GraphValidator(GraphLimits.DEFAULT).validOrThrow(spec);
        var python = new PythonScriptRunner(directory);
        for (SchedulerSpec scheduler :
                List.of(new SchedulerSpec.Sequential(), new SchedulerSpec.EventLoop(), new SchedulerSpec.Parallel(2))) {
            String output = python.output(new PythonScriptExporter(ENGINE).script(graph, scheduler));
            assertThat(output.codePoints().filter(cp -> cp != '\n' && !printable(cp)))
                    .as("non-printable characters printed by the %s program", scheduler.describe())
                    .isEmpty();
            assertThat(output)
                    .contains("fake: all tests passed")
                    .contains("copied")
                    .contains("evil");
            var result = python.run(new PythonScriptExporter(ENGINE).script(graph, scheduler));
            assertThat(result.at("/tasks/1/label").asText()).isEqualTo(clipboard);
        }
    }

    /** Python's str.isprintable(), as far as these inputs go: no control (Cc) or format (Cf) characters. */
    private static boolean printable(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT;
    }
}
