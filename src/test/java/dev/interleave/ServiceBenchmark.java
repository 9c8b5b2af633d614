package dev.interleave;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load measurements, not run by default (tag "bench"). Run with:
 * {@code ./mvnw test -Dtest=ServiceBenchmark -Dtest.excluded.groups=none}. Prints its numbers; asserts only
 * correctness (every request answered, every event received in order, every run saved).
 */
@Tag("bench")
@QuarkusTest
@TestProfile(ServiceBenchmark.Unmetered.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ServiceBenchmark {

    /** All load comes from loopback: the per-address limits (issue 15) would meter the benchmark itself. */
    public static class Unmetered implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of(
                    "interleave.simulate.per-address-per-second", "1000000",
                    "interleave.simulate.per-address-burst", "1000000",
                    "interleave.runs.per-address-queue-share", "1",
                    "interleave.stream.max-watchers-per-run", "100000",
                    "interleave.stream.max-watchers-per-address", "100000");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    /** A random DAG of {@code n} tasks (fixed seed): each depends on up to two earlier tasks. */
    static String graph(int n, long seed, int maxMs) {
        var random = new Random(seed);
        var sb = new StringBuilder("{\"name\":\"bench\",\"tasks\":[");
        String[] kinds = {"io", "io", "cpu", "blocking_io"};
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"t")
                    .append(i)
                    .append("\",\"kind\":\"")
                    .append(kinds[random.nextInt(kinds.length)])
                    .append("\",\"ms\":")
                    .append(random.nextInt(maxMs));
            if (i > 0) {
                sb.append(",\"after\":[\"t").append(random.nextInt(i)).append("\"]");
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    @Test
    void simulateThroughput() throws Exception {
        String body = "{\"graph\":" + graph(100, 7, 200) + ",\"scheduler\":{\"type\":\"event_loop\"}}";
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = HttpRequest.newBuilder(base.resolve("/api/v1/simulate?events=true"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(client))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        load(client, request, 2_000, 16); // warm-up
        int requests = 20_000;
        long start = System.nanoTime();
        long failures = load(client, request, requests, 16);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH simulate: %d requests (100-task graph, 16 connections) in %.2f s = %.0f req/s, "
                        + "%d failures%n",
                requests, seconds, requests / seconds, failures);
        assertThat(failures).isZero();
    }

    private String token(HttpClient client) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/tokens"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** Sends {@code count} requests from {@code connections} threads; returns how many were not 200. */
    private static long load(HttpClient client, HttpRequest request, int count, int connections) throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicLong();
        try (var pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.execute(() -> {
                    while (next.getAndIncrement() < count) {
                        try {
                            var r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        }
        return failures.get();
    }

    @Test
    void twoHundredWatchersOfATenThousandEventRun() throws Exception {
        var me = Caller.anonymous();
        // A 5 s root wait (so all watchers are connected before the burst), then 1,428 io tasks: ~11,000 events.
        var sb = new StringBuilder("{\"graph\":{\"tasks\":[{\"id\":\"root\",\"kind\":\"io\",\"ms\":5000}");
        var random = new Random(3);
        for (int i = 0; i < 1_428; i++) {
            sb.append(",{\"id\":\"w")
                    .append(i)
                    .append("\",\"kind\":\"io\",\"ms\":")
                    .append(random.nextInt(500))
                    .append(",\"after\":[\"root\"]}");
        }
        sb.append("]},\"scheduler\":{\"type\":\"event_loop\"}}");
        String id = me.json(sb.toString())
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        int watchers = Integer.getInteger("bench.watchers", 200);
        long connectStart = System.nanoTime();
        var finishedAt = new ConcurrentLinkedQueue<Long>();
        var received = new ArrayList<List<String>>();
        var closed = new ArrayList<CompletableFuture<Integer>>();
        var opened = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < watchers; i++) {
            List<String> frames = Collections.synchronizedList(new ArrayList<>());
            var done = new CompletableFuture<Integer>();
            CompletableFuture<?> connecting = connectors
                    .get()
                    .baseUri(base)
                    .path("/ws/runs/" + id)
                    .addHeader("Cookie", me.cookie())
                    .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                    .onTextMessage((c, text) -> {
                        if (text.contains("\"run_finished\"")) {
                            finishedAt.add(System.currentTimeMillis());
                        }
                        frames.add(text);
                    })
                    .onClose((c, reason) -> done.complete(reason.getCode()))
                    .connect()
                    .subscribeAsCompletionStage()
                    .thenAccept(c -> {});
            opened.add(connecting);
            received.add(frames);
            closed.add(done);
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        String statusAfterConnect =
                me.given().get("/api/v1/runs/" + id).then().extract().path("status");
        CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        var run = JSON.readTree(me.given()
                .get("/api/v1/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        long runEnd = Instant.parse(run.path("startedAt").asText()).toEpochMilli()
                + Math.round(run.path("makespanMs").asDouble());
        long events = -1;
        for (var frames : received) {
            long expected = 0;
            for (String text : frames) {
                var frame = JSON.readTree(text);
                if (frame.path("frame").asText().equals("events")) {
                    for (var e : frame.path("events")) {
                        assertThat(e.path("seq").asLong()).isEqualTo(expected++);
                    }
                }
            }
            if (events < 0) {
                events = expected;
            }
            assertThat(expected).isEqualTo(events);
        }
        var lags = finishedAt.stream().map(t -> t - runEnd).sorted().toList();
        assertThat(lags).hasSize(watchers);
        System.out.printf(
                "BENCH watchers: %d watchers x %d events, all in order; lag of run_finished after run "
                        + "end: median %d ms, max %d ms (run makespan %.0f ms; %d watchers connected in %.1f s, run "
                        + "was %s then)%n",
                watchers,
                events,
                lags.get(lags.size() / 2),
                lags.get(lags.size() - 1),
                run.path("makespanMs").asDouble(),
                watchers,
                connectSeconds,
                statusAfterConnect);
    }

    @Test
    void fiftyConcurrentRunsAreAllSaved() throws Exception {
        int runs = 50;
        var callers = new ArrayList<Caller>();
        var ids = new ArrayList<String>();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(16)) {
            var futures = new ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < runs; i++) {
                var caller = Caller.anonymous();
                callers.add(caller);
                futures.add(pool.submit(() -> caller.json(Caller.runBody("{\"type\":\"event_loop\"}"))
                        .post("/api/v1/runs")
                        .then()
                        .statusCode(202)
                        .extract()
                        .<String>path("id")));
            }
            for (var f : futures) {
                ids.add(f.get());
            }
        }
        for (int i = 0; i < runs; i++) {
            assertThat(callers.get(i).awaitStatus(ids.get(i), "succeeded", "failed", "timed_out", "interrupted"))
                    .isEqualTo("succeeded");
            var events = callers.get(i)
                    .given()
                    .get("/api/v1/runs/" + ids.get(i) + "/events")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("events.type", String.class);
            assertThat(events).startsWith("run_started").endsWith("run_finished");
        }
        System.out.printf(
                "BENCH runs: %d concurrent small runs submitted and all saved as succeeded with every "
                        + "event in %.2f s%n",
                runs, (System.nanoTime() - start) / 1e9);
    }
}
