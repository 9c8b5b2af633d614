package dev.interleave.persistence;

import dev.interleave.config.EmbeddedDatabase;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema before anything else at start-up touches the database. Flyway's own migrate-at-start runs
 * while Quarkus initialises, before an embedded PostgreSQL started in the background is up; this observer runs
 * first among the start-up observers (priority 1; the cluster listener is 10, run recovery the default), waits
 * for that server, then migrates.
 */
@ApplicationScoped
class SchemaMigration {

    void onStart(@Observes @Priority(1) StartupEvent event, Flyway flyway) {
        EmbeddedDatabase.awaitBackgroundStart();
        flyway.migrate();
    }
}
