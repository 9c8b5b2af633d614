package dev.interleave.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskSpec;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Leaves the graph format's optional fields ({@code limits}, a task's {@code limit} and {@code offload}) out of
 * the JSON when unset, so a graph written before they existed reads back exactly as it was. The engine's records
 * cannot carry Jackson annotations (the engine imports only java.*), hence mix-ins.
 */
@Singleton
public class GraphJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(GraphSpec.class, GraphSpecMixIn.class);
        mapper.addMixIn(TaskSpec.class, TaskSpecMixIn.class);
    }

    abstract static class GraphSpecMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Map<String, Number> limits();
    }

    abstract static class TaskSpecMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String limit();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Boolean offload();
    }
}
