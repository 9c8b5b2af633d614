package dev.interleave.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
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
                    next.connection().get("quarkus.datasource.jdbc.url"),
                    "postgres",
                    next.connection().get("quarkus.datasource.password"))) {
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
            try (var c = DriverManager.getConnection(
                    url, "postgres", database.connection().get("quarkus.datasource.password"))) {
                var rs = c.createStatement().executeQuery("select 1 + 1");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        } finally {
            database.close();
        }
    }

    /**
     * initdb trusts every local connection as superuser, who can run shell commands with COPY ... TO PROGRAM: the
     * server must refuse a wrong password (TCP and Unix socket alike) and keep its password and binaries to its owner.
     */
    @Test
    void refusesConnectionsWithoutItsPasswordAndKeepsItsFilesToItsOwner() throws Exception {
        Path data = dir.resolve("locked");
        try (var database = EmbeddedDatabase.start(data)) {
            String url = database.connection().get("quarkus.datasource.jdbc.url");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.readString(data.resolve("pg_hba.conf")))
                    .contains("local all all scram-sha-256")
                    .doesNotContain("trust");
            assertThat(Files.getPosixFilePermissions(DatabasePassword.fileFor(data.toAbsolutePath())))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (var paths = Files.walk(data.resolveSibling("locked-bin"))) {
                assertThat(paths.filter(p -> !Files.isSymbolicLink(p)).toList())
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(Files.getPosixFilePermissions(p))
                                .as(p.toString())
                                .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
            }
        }
        // A restart reads the same password from its file and gets in.
        try (var again = EmbeddedDatabase.start(data);
                var c = DriverManager.getConnection(
                        again.connection().get("quarkus.datasource.jdbc.url"),
                        "postgres",
                        again.connection().get("quarkus.datasource.password"))) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
