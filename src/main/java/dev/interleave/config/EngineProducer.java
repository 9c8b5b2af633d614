package dev.interleave.config;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.GraphLimits;
import dev.interleave.engine.graph.GraphValidator;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the engine objects from {@link PlaygroundConfig}. */
public final class EngineProducer {

    @Produces
    @Singleton
    Engine engine(PlaygroundConfig config) {
        return new Engine(
                new EngineLimits(config.runs().maxWorkers(), config.runs().deadline()));
    }

    void close(@Disposes Engine engine) {
        engine.close();
    }

    @Produces
    @Singleton
    GraphValidator validator(PlaygroundConfig config) {
        return new GraphValidator(
                new GraphLimits(config.graphs().maxTasks(), config.graphs().maxEdges()));
    }
}
