// Run from the repository root against a running app (single-file source launch, its own JVM):
//   java src/bench/ClassRoom.java http://127.0.0.1:8080 200
//   java src/bench/ClassRoom.java http://127.0.0.1:8080 200 http://127.0.0.1:8081   (students on a second instance)
//
// A teacher creates a one-step challenge and opens a class, watches its dashboard over /ws/classes/{id}, and N
// students (each its own anonymous owner, from the cookie the first request is given) join with the code and
// answer the step's makespan question, then send the same answer again, as a phone on a flaky network would.
// With a second base URL the students use that instance while the teacher watches the first one, so the dashboard
// learns of every answer through PostgreSQL notifications.
//
// Checks, each one failing the program (exit status 1): every join and first answer succeed (200 / 201), every
// retry is 200 with "replayed":true, the teacher's answer list holds exactly N rows with N distinct students,
// everything happens within 60 s, and the dashboard's last frame says all N answered. Reported: the time for the
// room to join and answer, request latencies, and the dashboard's lag: from the last answer's 201 to the first
// dashboard frame that counts it (the target is <= 1 s).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** N students join a class and answer one step; every answer saved once; the teacher's dashboard lag. */
public class ClassRoom {
  static final String CHALLENGE = "{\"title\":\"Room benchmark\",\"steps\":[{\"graph\":{\"tasks\":["
      + "{\"id\":\"a\",\"kind\":\"io\",\"ms\":2000},{\"id\":\"b\",\"kind\":\"io\",\"ms\":3000}]},"
      + "\"questions\":[{\"kind\":\"makespan\",\"scheduler\":{\"type\":\"event_loop\"}}]}]}";
  static final Pattern ANSWERED = Pattern.compile("\"questions\":\\[\\{\"index\":0,.*?\"answered\":(\\d+)");
  /** Phones at once: a room does not press "answer" in the same millisecond, but close to it. */
  static final int IN_FLIGHT = 50;

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
  static final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  record Reply(int status, String body, String cookie) {}

  public static void main(String[] a) throws Exception {
    String teacherBase = a[0];
    int students = a.length > 1 ? Integer.parseInt(a[1]) : 200;
    String studentBase = a.length > 2 ? a[2] : teacherBase;

    var challenge = post(teacherBase, "/api/v1/challenges", CHALLENGE, null);
    expect(challenge, 201, "create challenge");
    String teacher = challenge.cookie();
    var klass = post(teacherBase, "/api/v1/classes", "{\"challengeId\":\"" + field(challenge.body(), "id") + "\"}", teacher);
    expect(klass, 201, "open class");
    String classId = field(klass.body(), "id"), code = field(klass.body(), "joinCode");

    // The dashboard: every frame's "answered" count of question 0, with the time it arrived.
    var counts = new ConcurrentLinkedQueue<long[]>();
    var allCounted = new CompletableFuture<Long>();
    var ws = HTTP.newWebSocketBuilder().header("Cookie", teacher)
        .buildAsync(URI.create(teacherBase.replaceFirst("^http", "ws") + "/ws/classes/" + classId), new WebSocket.Listener() {
          final StringBuilder text = new StringBuilder();
          @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              long now = System.nanoTime();
              Matcher m = ANSWERED.matcher(text);
              if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                counts.add(new long[] {now, n});
                if (n >= students) allCounted.complete(now);
              }
              text.setLength(0);
            }
            socket.request(1);
            return null;
          }
        }).get();

    System.out.println("class " + classId + " (code " + code + "): " + students + " students on " + studentBase
        + ", teacher's dashboard on " + teacherBase);
    var latencies = new ConcurrentLinkedQueue<Long>();
    var lastAnswered = new AtomicLong();
    var replayed = new AtomicInteger();
    var gate = new Semaphore(IN_FLIGHT);
    long t0 = System.nanoTime();
    try (var phones = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < students; i++) {
        String name = String.format("student-%03d", i);
        int guess = 2000 + 25 * (i % 80);
        phones.submit(() -> {
          gate.acquireUninterruptibly();
          try {
            long s = System.nanoTime();
            var joined = post(studentBase, "/api/v1/classes/join", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}", null);
            latencies.add(System.nanoTime() - s);
            if (!expect(joined, 200, name + " join")) return null;
            String answer = "{\"step\":0,\"question\":0,\"answer\":{\"ms\":" + guess + "}}";
            s = System.nanoTime();
            var first = post(studentBase, "/api/v1/classes/" + classId + "/answers", answer, joined.cookie());
            long done = System.nanoTime();
            latencies.add(done - s);
            if (!expect(first, 201, name + " answer")) return null;
            lastAnswered.accumulateAndGet(done, Math::max);
            var again = post(studentBase, "/api/v1/classes/" + classId + "/answers", answer, joined.cookie());
            if (expect(again, 200, name + " retry") && again.body().contains("\"replayed\":true")) replayed.incrementAndGet();
            else failures.add(name + " retry not replayed: " + again.body());
          } finally {
            gate.release();
          }
          return null;
        });
      }
    }
    double roomSeconds = (System.nanoTime() - t0) / 1e9;
    Long counted = null;
    try {
      counted = allCounted.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      failures.add("the dashboard never counted " + students + " answers; last frames: " + last(counts));
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");

    var rows = get(teacherBase, "/api/v1/classes/" + classId + "/answers", teacher);
    expect(rows, 200, "answer list");
    var names = new HashSet<String>();
    Matcher m = Pattern.compile("\"student\":\"([^\"]+)\"").matcher(rows.body());
    int n = 0;
    while (m.find()) { names.add(m.group(1)); n++; }
    if (n != students || names.size() != students) failures.add("saved rows " + n + ", distinct students " + names.size() + ", expected " + students);
    if (roomSeconds > 60) failures.add("the room took " + roomSeconds + " s, over 60 s");

    var sorted = latencies.stream().sorted().toList();
    System.out.printf("joined and answered in %.2f s; %d rows saved for %d distinct students; %d retries replayed%n",
        roomSeconds, n, names.size(), replayed.get());
    if (!sorted.isEmpty()) System.out.printf("request latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)%n",
        pct(sorted, 0.50), pct(sorted, 0.99), sorted.getLast() / 1e6, sorted.size());
    if (counted != null) {
      double lagMs = Math.max(0, counted - lastAnswered.get()) / 1e6;
      System.out.printf("dashboard lag after the last answer: %.0f ms (%d dashboard frames)%n", lagMs, counts.size());
      if (lagMs > 1000) failures.add("dashboard lag " + lagMs + " ms, over 1 s");
    }
    if (!failures.isEmpty()) {
      System.out.println("FAIL (" + failures.size() + "):");
      failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
      System.exit(1);
    }
    System.out.println("PASS");
    System.exit(0);
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
  }

  static String last(ConcurrentLinkedQueue<long[]> counts) {
    var all = new ArrayList<>(counts);
    return all.subList(Math.max(0, all.size() - 3), all.size()).stream().map(c -> String.valueOf(c[1])).toList().toString();
  }

  static boolean expect(Reply reply, int status, String what) {
    if (reply.status() == status) return true;
    failures.add(what + ": " + reply.status() + " " + reply.body());
    return false;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
  }

  static Reply post(String base, String path, String body, String cookie) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request, cookie);
  }

  static Reply get(String base, String path, String cookie) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET(), cookie);
  }

  static Reply send(HttpRequest.Builder request, String cookie) {
    if (cookie != null) request.header("Cookie", cookie);
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String set = response.headers().firstValue("set-cookie").map(c -> c.split(";")[0]).orElse(cookie);
      return new Reply(response.statusCode(), response.body(), set);
    } catch (Exception e) {
      return new Reply(-1, e.toString(), cookie);
    }
  }
}
