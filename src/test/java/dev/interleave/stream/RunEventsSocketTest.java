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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunEventsSocketTest {

    /** A chain of io waits: about 600 ms of wall time, so watchers can join while it runs. */
    private static final String CHAIN = """
            {"graph":{"tasks":[{"id":"a","kind":"io","ms":150},{"id":"b","kind":"io","ms":150,"after":["a"]},
            {"id":"c","kind":"cpu","ms":50,"after":["b"]},{"id":"d","kind":"io","ms":250,"after":["c"]}]},
            "scheduler":{"type":"event_loop"}}""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    private StreamClient connect(String path, String cookie) {
        return StreamClient.connect(connectors.get(), base, path, cookie);
    }

    private static void assertCompleteStream(List<JsonNode> frames, String runId) {
        assertThat(frames.get(0).path("frame").asText()).isEqualTo("run");
        assertThat(frames.get(0).path("run").path("id").asText()).isEqualTo(runId);
        assertThat(frames.get(0).path("run").has("tasks")).isFalse();
        assertThat(frames.get(0).path("run").has("graph")).isFalse();
        var last = frames.get(frames.size() - 1);
        assertThat(last.path("frame").asText()).isEqualTo("summary");
        assertThat(last.path("run").path("status").asText()).isEqualTo("succeeded");
        assertThat(last.path("run").path("makespanMs").isNumber()).isTrue();
        assertThat(last.path("run").path("bounds").path("lowerBoundMs").isNumber())
                .isTrue();
        assertThat(last.path("run").has("tasks"))
                .as("per-task times are one GET away, so the frame stays small")
                .isFalse();
        assertThat(last.path("run").has("graph")).isFalse();
        assertThat(last.path("run").path("links").path("self").asText()).endsWith("/api/v1/runs/" + runId);
        List<Long> seqs = StreamClient.seqs(frames);
        assertThat(seqs).isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());
        var lastEvents = frames.get(frames.size() - 2).path("events");
        assertThat(lastEvents.get(lastEvents.size() - 1).path("type").asText()).isEqualTo("run_finished");
    }

    /**
     * 600 io tasks released at once after a 400 ms wait: about 4,800 events in one burst, more than a 256 KiB
     * message as a single frame. Clients with Vert.x's default message limit (this test's client) must still read
     * the live stream, the replay and the summary frame (with every task's times it would be about 300 KB here).
     */
    @Test
    void aBurstOfThousandsOfEventsArrivesInFramesThatDefaultClientsAccept() throws Exception {
        var tasks = new StringBuilder("{\"id\":\"gate\",\"kind\":\"io\",\"ms\":400}");
        for (int i = 0; i < 600; i++) {
            tasks.append(",{\"id\":\"t")
                    .append(i)
                    .append("\",\"kind\":\"io\",\"ms\":")
                    .append(1 + i % 5);
            tasks.append(",\"after\":[\"gate\"]}");
        }
        var me = Caller.anonymous();
        String id = me.startRun("{\"graph\":{\"tasks\":[" + tasks + "]},\"scheduler\":{\"type\":\"event_loop\"}}");
        var live = connect("/ws/runs/" + id, me.cookie());
        var liveFrames = live.awaitAll(Duration.ofSeconds(20));
        assertThat(live.closed.get()).isEqualTo(1000);
        assertCompleteStream(liveFrames, id);
        assertThat(StreamClient.seqs(liveFrames)).hasSizeGreaterThan(4_000);

        var replay = connect("/ws/runs/" + id, me.cookie());
        var replayFrames = replay.awaitAll(Duration.ofSeconds(20));
        assertThat(replay.closed.get()).isEqualTo(1000);
        assertCompleteStream(replayFrames, id);
        assertThat(StreamClient.seqs(replayFrames)).isEqualTo(StreamClient.seqs(liveFrames));
    }

    @Test
    void aFinishedRunIsReplayedFromTheStoreThenSummarisedAndClosedNormally() throws Exception {
        var me = Caller.anonymous();
        String id = me.startRun(Caller.runBody("{\"type\":\"event_loop\"}"));
        me.awaitStatus(id, "succeeded");
        var client = connect("/ws/runs/" + id, me.cookie());
        var frames = client.awaitAll(Duration.ofSeconds(10));
        assertCompleteStream(frames, id);
        assertThat(client.closed.get()).isEqualTo(1000);
    }

    @Test
    void manyWatchersIncludingLateJoinersGetEveryEventOnceInOrder() throws Exception {
        var me = Caller.anonymous();
        String id = me.startRun(CHAIN);
        var clients = new ArrayList<StreamClient>();
        for (int i = 0; i < 3; i++) {
            clients.add(connect("/ws/runs/" + id, me.cookie()));
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> "running"
                        .equals(me.given()
                                .get("/api/v1/runs/" + id)
                                .then()
                                .extract()
                                .path("status")));
        Thread.sleep(300); // join mid-run: the late watchers need replay plus live
        for (int i = 0; i < 2; i++) {
            clients.add(connect("/ws/runs/" + id, me.cookie()));
        }
        List<Long> reference = null;
        JsonNode summary = null;
        for (var client : clients) {
            var frames = client.awaitAll(Duration.ofSeconds(15));
            assertCompleteStream(frames, id);
            List<Long> seqs = StreamClient.seqs(frames);
            if (reference == null) {
                reference = seqs;
                summary = frames.get(frames.size() - 1);
            }
            assertThat(seqs).isEqualTo(reference);
            assertThat(frames.get(frames.size() - 1))
                    .as("one summary for every watcher")
                    .isEqualTo(summary);
            assertThat(client.closed.get()).isEqualTo(1000);
        }
    }

    @Test
    void unknownOrPrivateRunsGetAnErrorFrameThenClose() throws Exception {
        var client = connect(
                "/ws/runs/00000000-0000-4000-8000-000000000000",
                Caller.anonymous().cookie());
        var frames = client.awaitAll(Duration.ofSeconds(5));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).path("frame").asText()).isEqualTo("error");
        assertThat(frames.get(0).path("status").asInt()).isEqualTo(404);

        var me = Caller.anonymous();
        String id = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .extract()
                .path("id");
        var stranger = connect("/ws/runs/" + id, Caller.anonymous().cookie()).awaitAll(Duration.ofSeconds(5));
        assertThat(stranger.get(0).path("frame").asText()).isEqualTo("error");
        me.awaitStatus(id, "succeeded");
    }

    @Test
    void aCrossSiteOriginMakesTheCookieCountForNothing() throws Exception {
        var me = Caller.anonymous();
        String id = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .extract()
                .path("id");
        var client =
                StreamClient.connect(connectors.get(), base, "/ws/runs/" + id, me.cookie(), "https://evil.example");
        var frames = client.awaitAll(Duration.ofSeconds(5));
        assertThat(frames.get(0).path("frame").asText()).isEqualTo("error");
        me.awaitStatus(id, "succeeded");
    }

    @Test
    void aShareSlugGrantsTheStream() throws Exception {
        var me = Caller.anonymous();
        var created = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .extract();
        String id = created.path("id");
        String slug = created.path("links.share").toString().substring(3);
        var frames = connect("/ws/runs/" + id + "?share=" + slug, null).awaitAll(Duration.ofSeconds(10));
        assertCompleteStream(frames, id);
    }

    /** Browsers always offer permessage-deflate; the server declines, so it never compresses once per watcher. */
    @Test
    void theServerDeclinesPerMessageDeflate() throws Exception {
        try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
            String request = "GET /ws/runs/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                    + "\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var headers = new StringBuilder();
            var in = socket.getInputStream();
            while (headers.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                assertThat(b).as("the handshake answer ends").isNotNegative();
                headers.append((char) b);
            }
            assertThat(headers.toString()).startsWith("HTTP/1.1 101");
            assertThat(headers.toString().toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("sec-websocket-extensions");
        }
    }
}
