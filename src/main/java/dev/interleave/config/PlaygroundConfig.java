package dev.interleave.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Service limits. Every key also reads from the environment, e.g. {@code INTERLEAVE_RUNS_MAX_CONCURRENT}. */
@ConfigMapping(prefix = "interleave")
public interface PlaygroundConfig {

    Runs runs();

    Graphs graphs();

    Http http();

    Stream stream();

    Cluster cluster();

    Simulate simulate();

    Tokens tokens();

    /** API (bearer) tokens. */
    interface Tokens {
        /** Most tokens one owner may hold; minting another is refused with 429 until one is revoked. */
        @WithDefault("20")
        int perOwnerMax();

        /** How long an instance trusts a token it has looked up: how long a token revoked elsewhere still works. */
        @WithDefault("30s")
        Duration cache();

        /** Longest lifetime a new token may ask for (?validDays=); a token asked without one never expires. */
        @WithDefault("3650d")
        Duration maxValidity();
    }

    /** Virtual-time simulations (/api/v1/simulate, the playground's prediction line), metered per client address. */
    interface Simulate {
        /** Simulations one client address may run per second, on average. */
        @WithDefault("50")
        double perAddressPerSecond();

        /** Simulations one client address may run in a burst (the prediction line counts three). */
        @WithDefault("100")
        int perAddressBurst();
    }

    interface Runs {
        /** Most runs executing at once; default: available cores. */
        OptionalInt maxConcurrent();

        /** Most runs waiting for a slot (FIFO); beyond it a new run is refused with 429. */
        @WithDefault("64")
        int queueSize();

        /** Most runs one owner may have executing at once. */
        @WithDefault("2")
        int perOwnerConcurrent();

        /** Most runs one owner may have waiting in the queue (a comparison counts once per scheduler). */
        @WithDefault("8")
        int perOwnerQueued();

        /**
         * Fraction of the queue one client address may hold, in (0, 1]; never less than per-owner-queued. A share,
         * not a low cap: a class behind one school NAT has one address.
         */
        @WithDefault("0.5")
        double perAddressQueueShare();

        /** Wall-clock deadline of a real run; it ends as timed_out after this. */
        @WithDefault("30s")
        Duration deadline();

        /** Longest time events stay in memory before they are saved (the checkpoint interval). */
        @WithDefault("1s")
        Duration checkpoint();

        /** Retry-After sent with 429 when the queue is full. */
        @WithDefault("5s")
        Duration retryAfter();

        /** Workers of a parallel scheduler when the request names none; default: available cores. */
        OptionalInt defaultWorkers();

        /** Most workers a parallel run may ask for (1..64). */
        @WithDefault("64")
        int maxWorkers();
    }

    interface Graphs {
        /** Largest graph accepted, in tasks. */
        @WithDefault("10000")
        int maxTasks();

        /** Largest graph accepted, in dependency edges. */
        @WithDefault("100000")
        int maxEdges();
    }

    interface Http {
        /** Largest JSON body accepted; larger bodies get 413. Keep at or below quarkus.http.limits.max-body-size. */
        @WithDefault("2000000")
        long maxBodyBytes();

        /** Origins besides this host allowed to make cookie-authenticated writes, e.g. https://ui.example. */
        Optional<List<String>> allowedOrigins();

        /**
         * Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: IP addresses or CIDR blocks,
         * e.g. 10.0.0.5 or 10.0.0.0/8; from anyone else those headers are ignored.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Stream {
        /** Frames a watcher may have unsent before it is dropped as too slow. */
        @WithDefault("256")
        int maxPendingFrames();

        /** Most watchers one run (or comparison) may have on one instance; more are closed with 4429. */
        @WithDefault("500")
        int maxWatchersPerRun();

        /** Most streams one client address may have open on one instance (a class behind one NAT shares it). */
        @WithDefault("400")
        int maxWatchersPerAddress();
    }

    /** Several instances on one database: leases on runs and cross-instance events over LISTEN/NOTIFY. */
    interface Cluster {
        /** How often an instance renews the lease (heartbeat_at) of the runs it owns, and sweeps expired ones. */
        @WithDefault("2s")
        Duration heartbeat();

        /** A queued or running run whose heartbeat is older than this belongs to a dead instance: interrupted. */
        @WithDefault("10s")
        Duration lease();

        /** Whether to LISTEN for other instances' events, cancels and deletes (off: single instance only). */
        @WithDefault("true")
        boolean listen();
    }

    /** The run slot count: configured or the number of available cores. */
    default int maxConcurrentRuns() {
        return runs().maxConcurrent().orElse(Runtime.getRuntime().availableProcessors());
    }

    default int defaultWorkers() {
        return runs().defaultWorkers().orElse(Runtime.getRuntime().availableProcessors());
    }
}
