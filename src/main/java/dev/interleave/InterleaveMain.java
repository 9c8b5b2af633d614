package dev.interleave;

import dev.interleave.config.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Entry point of the packaged application: starts the embedded PostgreSQL unless an external database is
 * configured, then Quarkus. The database's address must be known before Quarkus reads its configuration, hence a
 * main class; the server itself starts in the background while Quarkus boots, and {@code SchemaMigration} waits
 * for it before the first connection.
 */
@QuarkusMain
public final class InterleaveMain {

    private InterleaveMain() {}

    public static void main(String... args) {
        if (EmbeddedDatabase.externalConfigured()) {
            Quarkus.run(args);
            return;
        }
        var database = EmbeddedDatabase.startInBackground(Path.of(".interleave-data", "pg"));
        database.connection().forEach(System::setProperty);
        database.closeAfterQuarkus();
        Quarkus.run(args);
    }
}
