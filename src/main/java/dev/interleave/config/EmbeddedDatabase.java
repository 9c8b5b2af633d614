package dev.interleave.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** Longest the application waits for a database started in the background (first start: unpack + initdb). */
    private static final Duration START = Duration.ofSeconds(120);
    /** The database {@link #startInBackground} began, until the application has waited for it; else null. */
    private static volatile EmbeddedDatabase background;

    private final Path dataDirectory;
    private final int port;
    private final String password;
    /** Completes when the server accepts connections; the server is stopped by {@link #close}. */
    private final CompletableFuture<EmbeddedPostgres> postgres;

    private EmbeddedDatabase(
            Path dataDirectory, int port, String password, CompletableFuture<EmbeddedPostgres> postgres) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
        this.postgres = postgres;
    }

    /** True when the environment (or a system property) names an external reactive datasource. */
    public static boolean externalConfigured() {
        return System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null
                || System.getProperty("quarkus.datasource.reactive.url") != null;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDirectory}, created if missing; returns when up. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return startedOn(dataDirectory, freePort(), DatabasePassword.readOrCreate(prepare(dataDirectory)));
    }

    /**
     * Starts this server again, after {@link #close}, on the same port and data directory, so clients reconnect to
     * the address they know; returns the new handle (close that one next). A seam for the outage test
     * ({@code DatabaseOutageTest}); the application never restarts its database.
     */
    public EmbeddedDatabase startAgain() {
        return startedOn(dataDirectory, port, password);
    }

    /** Starts the server in the calling thread and returns once it accepts connections. */
    private static EmbeddedDatabase startedOn(Path dataDirectory, int port, String password) {
        var database = new EmbeddedDatabase(
                dataDirectory,
                port,
                password,
                CompletableFuture.completedFuture(launch(dataDirectory, port, password)));
        database.awaitStarted();
        return database;
    }

    /**
     * Starts PostgreSQL on a thread of its own and returns at once, with its port already chosen, so the application
     * boots while the server unpacks, initialises and starts (on a fresh directory that is most of a first start).
     * The application waits for it with {@link #awaitBackgroundStart} before its first connection.
     */
    public static EmbeddedDatabase startInBackground(Path dataDirectory) {
        int port = freePort();
        String password = DatabasePassword.readOrCreate(prepare(dataDirectory));
        var future = new CompletableFuture<EmbeddedPostgres>();
        var starter = new Thread(
                () -> {
                    try {
                        future.complete(launch(dataDirectory, port, password));
                    } catch (Throwable e) {
                        future.completeExceptionally(e);
                    }
                },
                "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        var database = new EmbeddedDatabase(dataDirectory, port, password, future);
        background = database;
        return database;
    }

    /** Waits for the database {@link #startInBackground} began, if any; throws if it did not start. */
    public static void awaitBackgroundStart() {
        var database = background;
        if (database != null) {
            database.awaitStarted();
            background = null;
        }
    }

    private void awaitStarted() {
        try {
            postgres.orTimeout(START.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start", e.getCause());
        }
    }

    /** Creates the data directory if missing; returns its absolute path. */
    private static Path prepare(Path dataDirectory) {
        try {
            return Files.createDirectories(dataDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port, String password) {
        try {
            Path data = prepare(dataDirectory);
            Path work = data.resolveSibling(data.getFileName() + "-bin");
            Files.createDirectories(work);
            stopOrphan(data);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setConnectConfig("password", password)
                    .start();
            DatabasePassword.enforce(data, port, password);
            notWritableByOthers(work);
            LOG.infof("embedded PostgreSQL started on port %d with data in %s", port, data);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    /**
     * zonky unpacks the server's binaries into a world-writable folder; anyone who can write there can replace the
     * programs the next start runs. Only the owner may write to it (and to what is in it).
     */
    private static void notWritableByOthers(Path work) throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                var permissions = Files.getPosixFilePermissions(path);
                if (permissions.remove(PosixFilePermission.GROUP_WRITE)
                        | permissions.remove(PosixFilePermission.OTHERS_WRITE)) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }

    /** A port free on the loopback interface now (the server binds it moments later; a clash fails the start). */
    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
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
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                password);
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
        EmbeddedPostgres server;
        try {
            server = postgres.join();
        } catch (CompletionException e) {
            return; // it never started: nothing to stop
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
