package dev.interleave.service.run;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Start-up recovery and graceful shutdown of runs. */
@ApplicationScoped
public class RunLifecycle {

    private static final Logger LOG = Logger.getLogger(RunLifecycle.class);
    /** Longest shutdown waits for stopped runs to save themselves as interrupted. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final RunService runs;
    private final RunSupervisor supervisor;

    RunLifecycle(RunService runs, RunSupervisor supervisor) {
        this.runs = runs;
        this.supervisor = supervisor;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(runs::interruptLeftovers);
    }

    /** Stops running runs (their keepers save them as interrupted), then marks queued ones interrupted. */
    void onStop(@Observes ShutdownEvent event) {
        supervisor.stopAll();
        long until = System.nanoTime() + DRAIN.toNanos();
        while (supervisor.hasRunning() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            VertxContextSupport.subscribeAndAwait(runs::interruptOwn);
        } catch (Throwable e) {
            LOG.warn("could not mark unfinished runs as interrupted at shutdown; the next start will", e);
        }
    }
}
