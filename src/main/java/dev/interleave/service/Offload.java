package dev.interleave.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Runs CPU-bound work (validation, simulation) on a worker thread and resumes on the caller's Vert.x context. */
@ApplicationScoped
public class Offload {

    private final Vertx vertx;

    Offload(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> work(Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work), false);
    }
}
