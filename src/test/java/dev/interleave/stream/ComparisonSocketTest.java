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
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ComparisonSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @Test
    void streamsEachRunInOrderThenTheComparisonSummary() throws Exception {
        var me = Caller.anonymous();
        var created = me.json("{\"graph\":" + Caller.smallGraph() + ",\"schedulers\":[{\"type\":\"sequential\"},"
                        + "{\"type\":\"event_loop\"}]}")
                .post("/api/v1/compare")
                .then()
                .statusCode(202)
                .extract();
        String id = created.path("id");
        List<String> runIds = created.path("runs.id");
        var client = StreamClient.connect(connectors.get(), base, "/ws/comparisons/" + id, me.cookie());
        var frames = client.awaitAll(Duration.ofSeconds(20));
        assertThat(frames.get(0).path("frame").asText()).isEqualTo("comparison");
        var last = frames.get(frames.size() - 1);
        assertThat(last.path("frame").asText()).isEqualTo("summary");
        assertThat(last.path("comparison").path("status").asText()).isEqualTo("succeeded");
        for (String runId : runIds) {
            List<JsonNode> mine = frames.stream()
                    .filter(f -> runId.equals(f.path("runId").asText()))
                    .toList();
            assertThat(mine.get(0).path("frame").asText()).isEqualTo("run");
            assertThat(mine.get(mine.size() - 1).path("frame").asText()).isEqualTo("summary");
            List<Long> seqs = StreamClient.seqs(mine);
            assertThat(seqs)
                    .isEqualTo(LongStream.range(0, seqs.size()).boxed().toList())
                    .isNotEmpty();
        }
        assertThat(client.closed.get()).isEqualTo(1000);
    }
}
