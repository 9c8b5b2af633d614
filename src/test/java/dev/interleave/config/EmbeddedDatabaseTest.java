package dev.interleave.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    /** A JVM that dies without shutdown hooks leaves postgres running; the next start stops it, keeping data. */
    @Test
    void startStopsAnOrphanedServerAndKeepsTheData() throws Exception {
        Path data = dir.resolve("pg");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanMaker.class.getName(),
                        data.toString())
                .inheritIO()
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long orphanPid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (var next = EmbeddedDatabase.start(data)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            try (var c = DriverManager.getConnection(
                    next.connection().get("quarkus.datasource.jdbc.url"), "postgres", "postgres")) {
                var rs = c.createStatement().executeQuery("select x from kept");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    /** The server starts on its own thread: its address is known at once, connections work after the wait. */
    @Test
    void startsInTheBackgroundOnAPortChosenUpFront() throws Exception {
        var database = EmbeddedDatabase.startInBackground(dir.resolve("bg"));
        try {
            String url = database.connection().get("quarkus.datasource.jdbc.url");
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");
            EmbeddedDatabase.awaitBackgroundStart();
            try (var c = DriverManager.getConnection(url, "postgres", "postgres")) {
                var rs = c.createStatement().executeQuery("select 1 + 1");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        } finally {
            database.close();
        }
    }
}
