package dev.interleave.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The embedded PostgreSQL's password, and the authentication that makes it count. initdb (run by zonky with
 * {@code -A trust}) lets every local connection in as superuser without one, and a superuser can run shell
 * commands ({@code COPY ... TO PROGRAM}), so any local user could act as the server's owner. Here the password is
 * random, kept beside the data directory in a file only the owner can read (0600), and every connection, TCP or
 * Unix socket, must prove it (scram-sha-256).
 */
final class DatabasePassword {

    /** First line of a pg_hba.conf written here; its presence means the server is already locked down. */
    private static final String MARKER = "# interleave: scram-sha-256 for every connection";

    private static final String HBA = MARKER + "\n"
            + "local all all scram-sha-256\n"
            + "host  all all 127.0.0.1/32 scram-sha-256\n"
            + "host  all all ::1/128 scram-sha-256\n";

    private DatabasePassword() {}

    /** The password file for a data directory: beside it (initdb needs an empty directory). */
    static Path fileFor(Path data) {
        return data.resolveSibling(data.getFileName() + "-password");
    }

    /** Reads the password, creating the file (0600, 192 random bits) when there is none yet. */
    static String readOrCreate(Path data) {
        Path file = fileFor(data);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Path temp = Files.createTempFile(
                        file.getParent(),
                        ".pg-password",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, password, StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the database password file " + file, e);
        }
    }

    /**
     * Sets the password and requires it of every connection, once per data directory (a directory made by an
     * earlier version, or by initdb just now, still trusts everyone). Idempotent: a locked-down server is left as is.
     */
    static void enforce(Path data, int port, String password) {
        Path hba = data.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba).startsWith(MARKER)) {
                return;
            }
            try (var c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
                    var statement = c.createStatement()) {
                statement.execute("SET password_encryption = 'scram-sha-256'");
                // The password is base64url: no quote can end the literal.
                statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
                Files.writeString(hba, HBA);
                statement.execute("SELECT pg_reload_conf()");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the embedded PostgreSQL's password", e);
        }
    }
}
