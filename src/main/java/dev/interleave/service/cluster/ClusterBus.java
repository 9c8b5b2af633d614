package dev.interleave.service.cluster;

import dev.interleave.config.PlaygroundConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL LISTEN/NOTIFY between service instances sharing one database. Payloads are small pointers (a run id,
 * a seq); the store ({@code run_events}, {@code runs}) stays the source of truth, so a lost or duplicated
 * notification costs latency, never correctness. Channels:
 * <ul>
 * <li>{@value #EVENTS}: "runId seq" after a checkpoint, "runId final" after a status became final;</li>
 * <li>{@value #CANCEL} / {@value #DELETE}: "runId", for whichever instance executes the run;</li>
 * <li>{@value #CLASSES}: "classId change instance" after a class changed (see service/classroom/ClassBus).</li>
 * </ul>
 */
@ApplicationScoped
public class ClusterBus {

    private static final Logger LOG = Logger.getLogger(ClusterBus.class);
    public static final String EVENTS = "interleave_events";
    public static final String CANCEL = "interleave_cancel";
    public static final String DELETE = "interleave_delete";
    public static final String CLASSES = "interleave_classes";

    private final Vertx vertx;
    private final Pool pool;
    private final PlaygroundConfig config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    /** Per run: callbacks of local streams following a run that executes elsewhere (or finished). */
    private final Map<String, Set<Runnable>> followers = new ConcurrentHashMap<>();

    private volatile Consumer<String> onCancel = id -> {};
    private volatile Consumer<String> onDelete = id -> {};
    private volatile Consumer<String> onClasses = payload -> {};
    private PgSubscriber subscriber;

    ClusterBus(
            Vertx vertx,
            Pool pool,
            PlaygroundConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /**
     * Connects the listener without holding up readiness: until it is connected (moments after start), watchers
     * here follow other instances' runs by polling the store, as they do whenever the listener is down, and this
     * start has admitted no run yet that another instance could cancel. A failure leaves the instance on its own.
     */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.cluster().listen()) {
            return;
        }
        var options = PgConnectOptions.fromUri(
                url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 500L);
        subscriber.channel(EVENTS).handler(this::onEvents);
        subscriber.channel(CANCEL).handler(id -> onCancel.accept(id));
        subscriber.channel(DELETE).handler(id -> onDelete.accept(id));
        subscriber.channel(CLASSES).handler(payload -> onClasses.accept(payload));
        subscriber
                .connect()
                .ifNoItem()
                .after(Duration.ofSeconds(10))
                .fail()
                .subscribe()
                .with(
                        connected -> LOG.info("listening for other instances' run events"),
                        failure -> LOG.warn(
                                "could not LISTEN on the database; other instances' live events will arrive by polling",
                                failure));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> {}, failure -> {});
        }
    }

    public void handlers(Consumer<String> cancel, Consumer<String> delete) {
        this.onCancel = cancel;
        this.onDelete = delete;
    }

    /** Who hears {@value #CLASSES} notifications (service/classroom's bus, once at start). */
    public void classHandler(Consumer<String> classes) {
        this.onClasses = classes;
    }

    /** Sends a notification; fire and forget (receivers re-read the store, and poll as a fallback). */
    public void notify(String channel, String payload) {
        if (!config.cluster().listen()) {
            return;
        }
        pool.preparedQuery("SELECT pg_notify($1, $2)")
                .execute(Tuple.of(channel, payload))
                .subscribe()
                .with(ok -> {}, failure -> LOG.debugf(failure, "NOTIFY %s failed", channel));
    }

    public void saved(String runId, long lastSeq) {
        notify(EVENTS, runId + " " + lastSeq);
    }

    public void finalStatus(String runId) {
        notify(EVENTS, runId + " final");
    }

    /** Calls {@code onChange} (on the listener's thread) whenever the run's saved events or status change. */
    public Runnable follow(String runId, Runnable onChange) {
        followers.computeIfAbsent(runId, k -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> followers.computeIfPresent(runId, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    private void onEvents(String payload) {
        int space = payload.indexOf(' ');
        String runId = space < 0 ? payload : payload.substring(0, space);
        var set = followers.get(runId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }
}
