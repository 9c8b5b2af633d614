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
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A soak (issue 15), not run by default (tag "bench"): 50 owners keep a real run each going, back to back, for
 * {@code soak.seconds} (60), each run watched by 4 WebSocket clients (200 watchers at once). Run with
 * {@code ./mvnw test -Dtest=SoakBenchmark -Dtest.excluded.groups=none}. Asserts every watcher got events 0..N once
 * each in order, every run's saved events are 0..N once each, no 5xx, and the heap after GC at the end within 64 MB
 * of where it was before (nothing of the finished runs retained); prints the numbers, with the heap under load.
 */
@Tag("bench")
@QuarkusTest
@TestProfile(SoakBenchmark.Roomy.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SoakBenchmark {

    /** Room for 50 runs at once from one (loopback) address. */
    public static class Roomy implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "interleave.runs.max-concurrent", "50",
                    "interleave.runs.queue-size", "200",
                    "interleave.runs.per-address-queue-share", "1",
                    "interleave.stream.max-watchers-per-run", "100000",
                    "interleave.stream.max-watchers-per-address", "100000");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OWNERS = 50;
    private static final int WATCHERS_PER_RUN = 4;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    /** 20 io tasks of 0–300 ms, each after one earlier task: a second or two of events. */
    private static String graph(Random random) {
        var sb = new StringBuilder("{\"graph\":{\"tasks\":[");
        for (int i = 0; i < 20; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"t")
                    .append(i)
                    .append("\",\"kind\":\"io\",\"ms\":")
                    .append(random.nextInt(300));
            if (i > 0) {
                sb.append(",\"after\":[\"t").append(random.nextInt(i)).append("\"]");
            }
            sb.append('}');
        }
        return sb.append("]},\"scheduler\":{\"type\":\"event_loop\"}}").toString();
    }

    @Test
    void fiftyRunsAndTwoHundredWatchersForAMinute() throws Exception {
        long seconds = Long.getLong("soak.seconds", 60);
        var serverErrors = new AtomicLong();
        var otherRefusals = new ConcurrentLinkedQueue<String>();
        var problems = new ConcurrentLinkedQueue<String>();
        var runs = new AtomicLong();
        var events = new AtomicLong();
        long heapBefore = heapAfterGc();
        long warm;
        long begin = System.nanoTime();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (var pool = Executors.newFixedThreadPool(OWNERS)) {
            for (int o = 0; o < OWNERS; o++) {
                var me = Caller.anonymous();
                var random = new Random(o);
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            long n = oneRun(me, random, serverErrors, otherRefusals, problems);
                            if (n > 0) {
                                runs.incrementAndGet();
                                events.addAndGet(n);
                            }
                        } catch (Exception e) {
                            problems.add(e.toString());
                        }
                    }
                });
            }
            // A quarter in, with 50 runs and 200 watchers live: the working set under load (printed only).
            TimeUnit.NANOSECONDS.sleep((end - begin) / 4);
            warm = heapAfterGc();
        }
        long heapAfter = heapAfterGc();
        System.out.printf(
                "BENCH soak: %d s, %d owners x %d watchers each: %d runs, %d events saved and watched, %d 5xx, "
                        + "%d other refusals, %d problems; heap after GC %d MB before, %d MB a quarter in, %d MB after%n",
                seconds,
                OWNERS,
                WATCHERS_PER_RUN,
                runs.get(),
                events.get(),
                serverErrors.get(),
                otherRefusals.size(),
                problems.size(),
                heapBefore >> 20,
                warm >> 20,
                heapAfter >> 20);
        assertThat(problems).as("problems").isEmpty();
        assertThat(serverErrors.get()).as("5xx").isZero();
        assertThat(otherRefusals).as("refusals").isEmpty();
        assertThat(runs.get()).isGreaterThan(OWNERS);
        assertThat(heapAfter).as("heap after GC, at the end vs before").isLessThan(heapBefore + (64L << 20));
    }

    /** One run with its watchers, checked; returns its event count (0 if it was refused). */
    private long oneRun(
            Caller me,
            Random random,
            AtomicLong serverErrors,
            ConcurrentLinkedQueue<String> otherRefusals,
            ConcurrentLinkedQueue<String> problems)
            throws Exception {
        var created = me.json(graph(random)).post("/api/v1/runs").then().extract();
        if (created.statusCode() >= 500) {
            serverErrors.incrementAndGet();
            return 0;
        }
        if (created.statusCode() != 202) {
            otherRefusals.add(created.statusCode() + " " + created.asString());
            return 0;
        }
        String id = created.path("id");
        var received = new ArrayList<List<String>>();
        var closed = new ArrayList<CompletableFuture<Integer>>();
        for (int w = 0; w < WATCHERS_PER_RUN; w++) {
            List<String> frames = Collections.synchronizedList(new ArrayList<>());
            var done = new CompletableFuture<Integer>();
            connectors
                    .get()
                    .baseUri(base)
                    .path("/ws/runs/" + id)
                    .addHeader("Cookie", me.cookie())
                    .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                    .onTextMessage((c, text) -> frames.add(text))
                    .onClose((c, reason) -> done.complete(reason.getCode()))
                    .connect()
                    .subscribeAsCompletionStage()
                    .exceptionally(e -> {
                        done.completeExceptionally(e);
                        return null;
                    });
            received.add(frames);
            closed.add(done);
        }
        CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        String status = me.awaitStatus(id, "succeeded", "failed", "timed_out", "interrupted");
        if (!"succeeded".equals(status)) {
            problems.add("run " + id + " " + status);
        }
        List<Integer> saved = new ArrayList<>();
        long after = -1;
        while (true) {
            var page = me.given()
                    .get("/api/v1/runs/" + id + "/events?after=" + after)
                    .then()
                    .extract();
            if (page.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                return 0;
            }
            List<Integer> batch = page.path("events.seq");
            if (batch.isEmpty()) {
                break;
            }
            saved.addAll(batch);
            after = batch.get(batch.size() - 1);
        }
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i) != i) {
                problems.add("run " + id + ": saved event " + i + " has seq " + saved.get(i));
                break;
            }
        }
        for (var frames : received) {
            long expected = 0;
            for (String text : List.copyOf(frames)) {
                var frame = JSON.readTree(text);
                if (frame.path("frame").asText().equals("events")) {
                    for (var e : frame.path("events")) {
                        if (e.path("seq").asLong() != expected++) {
                            problems.add("run " + id + ": a watcher's event " + (expected - 1) + " has seq "
                                    + e.path("seq").asLong());
                        }
                    }
                }
            }
            if (expected != saved.size()) {
                problems.add("run " + id + ": a watcher got " + expected + " events of " + saved.size());
            }
        }
        return saved.size();
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
