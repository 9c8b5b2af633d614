package dev.interleave.service.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.config.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops in the middle of a real run and starts again 5 s later on the same port and data (issue 15,
 * "Reliability"). The test has a database of its own (its profile turns the shared global one off), so the outage
 * touches no other test; the profile also restarts Quarkus for this class.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** This class's own PostgreSQL, which the test stops and starts. */
    public static class OutageDatabase implements QuarkusTestResourceLifecycleManager {

        static volatile EmbeddedDatabase database;

        @Override
        public Map<String, String> start() {
            database = EmbeddedPostgresResource.fresh(Path.of("target", "test-pg-outage"));
            return database.connection();
        }

        @Override
        public void stop() {
            if (database != null) {
                database.close();
            }
        }
    }

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutageDatabase.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("interleave.runs.deadline", "60s");
        }
    }

    /** A chain of {@code n} io tasks of {@code ms} each: events keep coming for about n × ms. */
    private static String chain(int n, int ms) {
        var sb = new StringBuilder("{\"graph\":{\"name\":\"outage\",\"tasks\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"t")
                    .append(i)
                    .append("\",\"kind\":\"io\",\"ms\":")
                    .append(ms);
            if (i > 0) {
                sb.append(",\"after\":[\"t").append(i - 1).append("\"]");
            }
            sb.append('}');
        }
        return sb.append("]},\"scheduler\":{\"type\":\"event_loop\"}}").toString();
    }

    @Test
    void aRunSurvivesAPostgresRestartAndTheServiceRecoversWithoutOne() throws Exception {
        var me = Caller.anonymous();
        String id = me.startRun(chain(50, 200)); // ~10 s of events
        me.awaitStatus(id, "running");
        Thread.sleep(1_000); // some checkpoints saved before the outage

        OutageDatabase.database.close();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 503);
        Thread.sleep(5_000);
        OutageDatabase.database = OutageDatabase.database.startAgain();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        var status = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(
                        () -> me.given()
                                .get("/api/v1/runs/" + id)
                                .then()
                                .extract()
                                .path("status"),
                        s -> List.of("succeeded", "failed", "interrupted").contains(s));
        var run = me.given().get("/api/v1/runs/" + id).then().statusCode(200).extract();
        System.out.println("OUTAGE run " + id + " ended " + status + ": " + run.asString());
        if (!"succeeded".equals(status)) {
            assertThat(run.<String>path("reason")).isNotBlank();
        }

        List<Integer> seqs = new ArrayList<>();
        int after = -1;
        String lastType = null;
        while (true) {
            var page = me.given()
                    .get("/api/v1/runs/" + id + "/events?after=" + after)
                    .then()
                    .statusCode(200)
                    .extract();
            List<Integer> batch = page.path("events.seq");
            if (batch.isEmpty()) {
                break;
            }
            seqs.addAll(batch);
            List<String> types = page.path("events.type");
            lastType = types.get(types.size() - 1);
            after = batch.get(batch.size() - 1);
        }
        assertThat(seqs).isNotEmpty();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("event %d of %d", i, seqs.size()).isEqualTo(i);
        }
        if ("succeeded".equals(status)) {
            assertThat(lastType).isEqualTo("run_finished");
        }

        String next = me.startRun(Caller.runBody("{\"type\":\"event_loop\"}"));
        assertThat(me.awaitStatus(next, "succeeded", "failed", "interrupted")).isEqualTo("succeeded");
    }
}
