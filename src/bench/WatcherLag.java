// Run from the repository root against a running app: java src/bench/WatcherLag.java http://127.0.0.1:8080 200
// (single-file source launch; a separate JVM from the server, so client work does not share its threads).
import java.net.URI;
import java.net.http.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.regex.*;

/** 200 WebSocket watchers in their own JVM on one ~11,000-event run; lag of the last event after the run ended. */
public class WatcherLag {
  static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  public static void main(String[] a) throws Exception {
    String base = a[0]; int watchers = Integer.parseInt(a[1]);
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    StringBuilder g = new StringBuilder("{\"graph\":{\"name\":\"fanout\",\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":5000}");
    for (int i = 0; i < 1428; i++) g.append(",{\"id\":\"t").append(i).append("\",\"kind\":\"io\",\"ms\":").append(1 + i % 50).append(",\"after\":[\"w\"]}");
    g.append("]},\"scheduler\":{\"type\":\"event_loop\"}}");
    var resp = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(g.toString())).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = resp.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(resp.body()); m.find(); String id = m.group(1);
    long[] lastSeq = new long[watchers]; long[] doneAt = new long[watchers]; boolean[] ordered = new boolean[watchers];
    Arrays.fill(lastSeq, -1); Arrays.fill(ordered, true);
    var latch = new CountDownLatch(watchers);
    String ws = base.replace("http", "ws") + "/ws/runs/" + id;
    for (int i = 0; i < watchers; i++) {
      final int k = i;
      http.newWebSocketBuilder().header("Cookie", cookie).buildAsync(URI.create(ws), new WebSocket.Listener() {
        StringBuilder buf = new StringBuilder();
        public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
          buf.append(data);
          if (last) {
            String frame = buf.toString(); buf = new StringBuilder();
            if (frame.startsWith("{\"frame\":\"events\"")) {
              Matcher sm = SEQ.matcher(frame);
              while (sm.find()) { long q = Long.parseLong(sm.group(1)); if (q != lastSeq[k] + 1) ordered[k] = false; lastSeq[k] = q; }
              if (frame.contains("\"run_finished\"")) { doneAt[k] = System.currentTimeMillis(); latch.countDown(); }
            }
          }
          s.request(1); return null;
        }
      }).get(10, TimeUnit.SECONDS);
    }
    System.out.println("connected " + watchers + " watchers to run " + id);
    latch.await(120, TimeUnit.SECONDS);
    Thread.sleep(500);
    var run = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs/" + id)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher sm = Pattern.compile("\"startedAt\":\"([^\"]+)\"").matcher(run); sm.find();
    Matcher mk = Pattern.compile("\"makespanMs\":([0-9.]+)").matcher(run); mk.find();
    long runEnd = Instant.parse(sm.group(1)).toEpochMilli() + (long) Double.parseDouble(mk.group(1));
    long[] lags = Arrays.stream(doneAt).map(t -> t - runEnd).sorted().toArray();
    long allOrdered = 0; for (boolean o : ordered) if (o) allOrdered++;
    System.out.printf("events per watcher %d, in order and complete: %d/%d; lag of run_finished after run end: median %d ms, p99 %d ms, max %d ms%n",
        lastSeq[0] + 1, allOrdered, watchers, lags[lags.length / 2], lags[(int) (lags.length * 0.99) - 1 < 0 ? 0 : (int) (lags.length * 0.99) - 1], lags[lags.length - 1]);
    System.exit(0);
  }
}
