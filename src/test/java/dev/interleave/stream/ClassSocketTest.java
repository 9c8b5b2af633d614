package dev.interleave.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** {@code /ws/classes/{id}}: the teacher's live dashboard, a student's live view, and a stranger refused. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ClassSocketTest {

    private static final String CHALLENGE = """
            {"title":"Live","steps":[{"graph":{"tasks":[{"id":"a","kind":"io","ms":2000},
            {"id":"b","kind":"io","ms":3000}]},"questions":[{"kind":"makespan","scheduler":{"type":"event_loop"}}]}]}""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    /** Polls the client's frames until one matches (frames that do not are skipped). */
    private static JsonNode awaitFrame(StreamClient client, Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var frame = client.frames.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame within 10 s");
    }

    @Test
    void theTeacherSeesAnswersArriveAndTheStudentSeesTheRevealLive() throws Exception {
        var teacher = Caller.anonymous();
        String challengeId = teacher.json(CHALLENGE)
                .post("/api/v1/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var klass = teacher.json("{\"challengeId\":\"" + challengeId + "\"}")
                .post("/api/v1/classes")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = klass.getString("id");
        var ada = Caller.anonymous();
        ada.json("{\"code\":\"" + klass.getString("joinCode") + "\",\"name\":\"Ada\"}")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(200);

        var dashboard = StreamClient.connect(connectors.get(), base, "/ws/classes/" + id, teacher.cookie());
        var first = awaitFrame(dashboard, f -> f.path("frame").asText().equals("dashboard"));
        assertThat(first.path("dashboard").path("students").asInt()).isEqualTo(1);
        assertThat(first.path("dashboard").path("notAnswered").get(0).asText()).isEqualTo("Ada");
        var student = StreamClient.connect(connectors.get(), base, "/ws/classes/" + id, ada.cookie());
        var own = awaitFrame(student, f -> f.path("frame").asText().equals("student"));
        assertThat(own.path("student").path("phase").asText()).isEqualTo("answering");
        assertThat(own.has("dashboard")).isFalse();

        ada.json("{\"step\":0,\"question\":0,\"answer\":{\"ms\":3000}}")
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(201);
        var answered = awaitFrame(
                dashboard,
                f -> f.path("dashboard")
                                .path("questions")
                                .path(0)
                                .path("answered")
                                .asInt()
                        == 1);
        assertThat(answered.path("dashboard").path("latest").get(0).path("name").asText())
                .isEqualTo("Ada");
        assertThat(answered.path("dashboard")
                        .path("questions")
                        .get(0)
                        .path("histogram")
                        .path("truth")
                        .asDouble())
                .isEqualTo(3000.0);

        teacher.given().post("/api/v1/classes/" + id + "/reveal").then().statusCode(200);
        var revealed = awaitFrame(
                student, f -> f.path("student").path("phase").asText().equals("revealed"));
        assertThat(revealed.path("student")
                        .path("questions")
                        .get(0)
                        .path("grade")
                        .path("correct")
                        .asBoolean())
                .isTrue();
        assertThat(revealed.toString()).doesNotContain("notAnswered");
    }

    @Test
    void aStrangerGetsAnErrorFrameAndIsClosed() throws Exception {
        var teacher = Caller.anonymous();
        String challengeId = teacher.json(CHALLENGE)
                .post("/api/v1/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = teacher.json("{\"challengeId\":\"" + challengeId + "\"}")
                .post("/api/v1/classes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var stranger = StreamClient.connect(
                connectors.get(), base, "/ws/classes/" + id, Caller.anonymous().cookie());
        var frames = stranger.awaitAll(Duration.ofSeconds(10));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).path("frame").asText()).isEqualTo("error");
        assertThat(frames.get(0).path("status").asInt()).isEqualTo(404);
        assertThat(stranger.closed.get()).isEqualTo(1008);
    }
}
