package dev.interleave.service.run;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.cluster.ClusterBus;
import dev.interleave.service.live.RunEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Leases between instances sharing one database. Every heartbeat tick this instance renews heartbeat_at on all
 * its unfinished runs (one UPDATE), then sweeps: another instance's unfinished run whose heartbeat is older than
 * the lease belongs to a dead instance and becomes interrupted (its saved events stay viewable). It also obeys
 * other instances' cancel and delete requests for runs it executes.
 */
@ApplicationScoped
public class RunLeases {

    private static final Logger LOG = Logger.getLogger(RunLeases.class);
    static final String EXPIRED = "the instance running it stopped (its lease expired)";

    private final RunRepository runs;
    private final RunService service;
    private final RunSupervisor supervisor;
    private final RunAdmission admission;
    private final RunEvents events;
    private final ClusterBus bus;
    private final Duration heartbeat;
    private ScheduledExecutorService ticker;

    RunLeases(
            RunRepository runs,
            RunService service,
            RunSupervisor supervisor,
            RunAdmission admission,
            RunEvents events,
            ClusterBus bus,
            PlaygroundConfig config) {
        this.runs = runs;
        this.service = service;
        this.supervisor = supervisor;
        this.admission = admission;
        this.events = events;
        this.bus = bus;
        this.heartbeat = config.cluster().heartbeat();
    }

    void onStart(@Observes StartupEvent event) {
        bus.handlers(this::cancelRequested, this::deleteRequested);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "interleave-leases");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** One heartbeat: renew own leases, then interrupt other instances' expired ones. Never throws. */
    void tick() {
        try {
            VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> runs.renewLeases(supervisor.instanceId(), Instant.now())));
            int n = VertxContextSupport.subscribeAndAwait(() -> service.interruptExpired(EXPIRED));
            if (n > 0) {
                LOG.warnf("marked %d runs of a stopped instance as interrupted", n);
            }
        } catch (Throwable e) {
            LOG.warn("lease heartbeat failed; retrying next tick", e);
        }
    }

    /** Another instance was asked to cancel a run: stop it if it is queued or running here. */
    private void cancelRequested(String runId) {
        if (admission.removeQueued(runId)) {
            events.close(runId);
        } else {
            supervisor.cancelLocal(runId);
        }
    }

    /** Another instance deleted a run: stop it here and save nothing more for it. */
    private void deleteRequested(String runId) {
        if (admission.removeQueued(runId)) {
            events.close(runId);
        } else if (supervisor.isExecuting(runId)) {
            supervisor.forget(runId);
        }
    }
}
