package dev.interleave.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import org.junit.jupiter.api.Test;

class GraphJsonCustomizerTest {

    private final ObjectMapper json = new ObjectMapper();

    GraphJsonCustomizerTest() {
        new GraphJsonCustomizer().customize(json);
    }

    @Test
    void aGraphWithoutTheNewFieldsIsWrittenAsBefore() throws Exception {
        var spec = GraphSpec.named("g").io("a", 10).build();
        assertThat(json.writeValueAsString(spec))
                .isEqualTo("{\"name\":\"g\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":10.0,\"label\":null,"
                        + "\"after\":[]}]}");
    }

    @Test
    void limitsAndOffloadRoundTrip() throws Exception {
        var spec = GraphSpec.named("g")
                .limit("api", 3)
                .add(TaskSpec.of("a", TaskKind.IO, 10).withLimit("api"))
                .add(TaskSpec.of("b", TaskKind.BLOCKING_IO, 5).offloaded())
                .build();
        String written = json.writeValueAsString(spec);
        assertThat(written).contains("\"limits\":{\"api\":3}", "\"limit\":\"api\"", "\"offload\":true");
        GraphSpec read = json.readValue(written, GraphSpec.class);
        assertThat(read.limits()).containsEntry("api", 3);
        assertThat(read.tasks().get(0).limit()).isEqualTo("api");
        assertThat(read.tasks().get(1).offload()).isTrue();
    }
}
