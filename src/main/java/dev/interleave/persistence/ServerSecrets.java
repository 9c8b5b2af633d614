package dev.interleave.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The secrets of {@code server_secrets} (V3), read once at start-up, right after {@link SchemaMigration}
 * (priority 2), over the migration's JDBC connection: they never change while instances run.
 */
@ApplicationScoped
public class ServerSecrets {

    private volatile String ownerCookieKey;

    void onStart(@Observes @Priority(2) StartupEvent event, Flyway flyway) {
        try (var connection = flyway.getConfiguration().getDataSource().getConnection();
                var statement = connection.prepareStatement("select value from server_secrets where name = ?")) {
            statement.setString(1, "owner-cookie");
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("server_secrets has no owner-cookie row (see V3 migration)");
                }
                ownerCookieKey = rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the owner-cookie key", e);
        }
    }

    /** The key that signs owner cookies; the same on every instance of one database. */
    public String ownerCookieKey() {
        String key = ownerCookieKey;
        if (key == null) {
            throw new IllegalStateException("the owner-cookie key is read at start-up, which has not happened");
        }
        return key;
    }
}
