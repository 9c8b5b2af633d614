package dev.interleave.service.run;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.cluster.ClusterBus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs that can no longer finish, at start-up, at shutdown and between instances sharing one database (leases).
 * At start, unfinished runs whose lease expired (their instance is gone) become interrupted. Every heartbeat tick
 * this instance renews heartbeat_at on all its unfinished runs (one UPDATE), then sweeps: another instance's
 * unfinished run whose heartbeat is older than the lease belongs to a dead instance and becomes interrupted (its
 * saved events stay viewable). At shutdown, executing runs are stopped (their keepers save them as interrupted),
 * then queued ones are marked interrupted. It also hands other instances' cancel and delete requests to
 * {@link LocalRuns}.
 */
@ApplicationScoped
public class RunRecovery {

    private static final Logger LOG = Logger.getLogger(RunRecovery.class);
    static final String EXPIRED = "the instance running it stopped (its lease expired)";
    /** Longest shutdown waits for stopped runs to save themselves as interrupted. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final RunRepository runs;
    private final RunSupervisor supervisor;
    private final LocalRuns local;
    private final ClusterBus bus;
    private final Duration heartbeat;
    private final Duration lease;
    private ScheduledExecutorService ticker;

    RunRecovery(
            RunRepository runs, RunSupervisor supervisor, LocalRuns local, ClusterBus bus, PlaygroundConfig config) {
        this.runs = runs;
        this.supervisor = supervisor;
        this.local = local;
        this.bus = bus;
        this.heartbeat = config.cluster().heartbeat();
        this.lease = config.cluster().lease();
    }

    /**
     * Registers the cluster handlers, starts the lease ticker and, without holding up readiness, marks the
     * leftovers of an earlier start interrupted: it touches only runs whose lease expired, never a run this start
     * admits (those have fresh leases), so serving may begin before it is done.
     */
    void onStart(@Observes StartupEvent event) {
        VertxContextSupport.subscribe(
                () -> interruptLeftovers().toMulti(),
                leftovers -> leftovers.with(
                        n -> {}, failure -> LOG.warn("start-up recovery failed; the lease sweep will retry", failure)));
        bus.handlers(id -> local.stop(id, LocalRuns.Stop.CANCEL), id -> local.stop(id, LocalRuns.Stop.DELETE));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "interleave-leases");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops executing runs (their keepers save them as interrupted), then marks queued ones interrupted. */
    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        supervisor.stopAll();
        long until = System.nanoTime() + DRAIN.toNanos();
        while (local.hasExecuting() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            VertxContextSupport.subscribeAndAwait(this::interruptOwn);
        } catch (Throwable e) {
            LOG.warn("could not mark unfinished runs as interrupted at shutdown; the next start will", e);
        }
    }

    /** One heartbeat: renew own leases, then interrupt other instances' expired ones. Never throws. */
    void tick() {
        try {
            VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> runs.renewLeases(local.instanceId(), Instant.now())));
            int n = VertxContextSupport.subscribeAndAwait(() -> interruptExpired(EXPIRED));
            if (n > 0) {
                LOG.warnf("marked %d runs of a stopped instance as interrupted", n);
            }
        } catch (Throwable e) {
            LOG.warn("lease heartbeat failed; retrying next tick", e);
        }
    }

    /** Start-up: unfinished runs whose lease expired (their instance is gone) can never finish. */
    public Uni<Integer> interruptLeftovers() {
        return interruptExpired("the service restarted before the run finished").invoke(n -> {
            if (n > 0) {
                LOG.warnf("marked %d unfinished runs from an earlier start as interrupted", n);
            }
        });
    }

    /** Other instances' unfinished runs with an expired lease become interrupted; their watchers are told. */
    Uni<Integer> interruptExpired(String reason) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(lease);
        return Panache.withTransaction(() -> runs.expiredLeases(local.instanceId(), cutoff)
                        .chain(ids -> {
                            Uni<List<String>> chain = Uni.createFrom().item(new ArrayList<>());
                            for (String id : ids) {
                                chain = chain.chain(done -> runs.interruptExpired(id, reason, cutoff, now)
                                        .map(n -> {
                                            if (n > 0) {
                                                done.add(id);
                                            }
                                            return done;
                                        }));
                            }
                            return chain;
                        }))
                .invoke(done -> done.forEach(bus::finalStatus))
                .map(List::size);
    }

    /** Shutdown: this instance's unfinished runs can never finish. */
    Uni<Integer> interruptOwn() {
        return Panache.withTransaction(() ->
                runs.interruptOwn(local.instanceId(), "the service shut down before the run finished", Instant.now()));
    }
}
