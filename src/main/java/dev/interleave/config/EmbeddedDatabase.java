package dev.interleave.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL started from the zonky binaries in a data directory of our own, so saved runs survive
 * restarts. Used by {@code InterleaveMain} and by the tests (one per test JVM).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** How long an orphaned postmaster gets to stop after SIGTERM before SIGKILL. */
    private static final Duration ORPHAN_STOP = Duration.ofSeconds(10);
    /** Longest the database waits at exit for Quarkus to finish stopping. */
    private static final Duration QUARKUS_STOP = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** True when the environment (or a system property) names an external reactive datasource. */
    public static boolean externalConfigured() {
        return System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null
                || System.getProperty("quarkus.datasource.reactive.url") != null;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDirectory}, created if missing. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Path data = dataDirectory.toAbsolutePath();
            Files.createDirectories(data);
            Path work = data.resolveSibling(data.getFileName() + "-bin");
            Files.createDirectories(work);
            stopOrphan(data);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.infof("embedded PostgreSQL started on port %d with data in %s", postgres.getPort(), data);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Stops PostgreSQL at JVM exit, but only after Quarkus has stopped, so shutdown can still save runs as
     * interrupted (zonky's own hook would stop it concurrently).
     */
    public void closeAfterQuarkus() {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            var waiter = new Thread(() -> {
                                var app = io.quarkus.runtime.Application.currentApplication();
                                if (app != null) {
                                    app.awaitShutdown();
                                }
                            });
                            waiter.setDaemon(true);
                            waiter.start();
                            try {
                                waiter.join(QUARKUS_STOP.toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            close();
                        },
                        "embedded-postgres-stop"));
    }

    /** Quarkus datasource properties pointing at this server. */
    public Map<String, String> connection() {
        int port = postgres.getPort();
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres");
    }

    /**
     * A JVM killed with SIGKILL leaves its postgres running with {@code postmaster.pid} in the data directory, and
     * the next start fails on that lock. Stop that process if it is still a postgres; drop a stale file.
     */
    static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d+"))
                .map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (orphan.isPresent()) {
            LOG.warnf(
                    "stopping orphaned PostgreSQL (pid %d) left by an earlier run",
                    orphan.get().pid());
            stop(orphan.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not stop the orphaned PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
