package dev.interleave.config;

import java.nio.file.Path;
import java.sql.DriverManager;

/** Run in a child JVM: starts PostgreSQL, saves a row, then dies like a killed JVM (no shutdown hooks). */
public final class OrphanMaker {

    private OrphanMaker() {}

    public static void main(String[] args) throws Exception {
        var db = EmbeddedDatabase.start(Path.of(args[0]));
        try (var c = DriverManager.getConnection(
                db.connection().get("quarkus.datasource.jdbc.url"),
                "postgres",
                db.connection().get("quarkus.datasource.password"))) {
            c.createStatement().execute("create table kept (x int); insert into kept values (42)");
        }
        Runtime.getRuntime().halt(0);
    }
}
