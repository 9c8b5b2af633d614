package dev.interleave;

import dev.interleave.config.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** One real PostgreSQL for the whole test JVM (registered GLOBAL), in a fresh directory under target/. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        database = fresh(Path.of("target", "test-pg"));
        return database.connection();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }

    /** A PostgreSQL started on an empty data directory (what was there before is removed). */
    public static EmbeddedDatabase fresh(Path dir) {
        deleteTree(dir);
        return EmbeddedDatabase.start(dir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
