// Run from the repository root against a running app: java src/bench/WatcherLag.java http://127.0.0.1:8080 200
// (single-file source launch; a separate JVM from the server, so client work does not share its threads).
//
// The watchers are a minimal RFC 6455 client on plain sockets: frames are read as bytes and scanned for the
// "seq" numbers, never decoded to Strings, so that 200 watchers x ~1.7 MB of JSON do not cost the client more
// than the server it shares the cores with (java.net.http's WebSocket decodes every text frame to chars; with a
// regex over them, the earlier client spent ~11 s of CPU on a 200-watcher run, this one ~1 s). Like a browser, it
// offers permessage-deflate, and inflates if the server agrees. The checks are strict, and the program exits with
// status 1 if any fails: every watcher must receive a run frame, then events 0..N once each and in order, the last
// of them run_finished (and the store must hold no event after N), then a summary frame and a normal close (1000).
import java.io.*;
import java.lang.management.ManagementFactory;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.regex.*;
import java.util.zip.*;

/** 200 WebSocket watchers in their own JVM on one ~11,000-event run; lag of the last event after the run ended. */
public class WatcherLag {
  static final byte[] EVENT_START = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
  static final byte[] EVENT_TYPE = ",\"type\":\"".getBytes(StandardCharsets.US_ASCII);
  static final byte[] RUN_FINISHED = "run_finished\"".getBytes(StandardCharsets.US_ASCII);
  static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
  static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  static final int FIND = 0, START = 1, DIGITS = 2, TYPE = 3, FINISHED = 4;
  static final String[] KINDS = {"events", "run", "summary", "error"};

  public static void main(String[] a) throws Exception {
    String base = a[0]; int watchers = Integer.parseInt(a[1]);
    selfTest();
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    StringBuilder g = new StringBuilder("{\"graph\":{\"name\":\"fanout\",\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":5000}");
    for (int i = 0; i < 1428; i++) g.append(",{\"id\":\"t").append(i).append("\",\"kind\":\"io\",\"ms\":").append(1 + i % 50).append(",\"after\":[\"w\"]}");
    g.append("]},\"scheduler\":{\"type\":\"event_loop\"}}");
    var resp = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(g.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 202) throw new IllegalStateException("POST /runs: " + resp.statusCode() + " " + resp.body());
    String cookie = resp.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(resp.body()); m.find(); String id = m.group(1);
    URI uri = URI.create(base + "/ws/runs/" + id);
    long cpu0 = cpuNanos();
    var all = new ArrayList<Watcher>(); var threads = new ArrayList<Thread>();
    for (int i = 0; i < watchers; i++) {
      var w = Watcher.connect(uri, cookie);
      all.add(w); threads.add(Thread.ofVirtual().start(w::readAll));
    }
    System.out.println("connected " + watchers + " watchers to run " + id);
    long cpuConnected = cpuNanos();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (var t : threads) t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    long cpuStreaming = cpuNanos() - cpuConnected, cpuConnecting = cpuConnected - cpu0;
    var run = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs/" + id)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher sm = Pattern.compile("\"startedAt\":\"([^\"]+)\"").matcher(run); sm.find();
    Matcher mk = Pattern.compile("\"makespanMs\":([0-9.]+)").matcher(run); mk.find();
    long runEnd = Instant.parse(sm.group(1)).toEpochMilli() + (long) Double.parseDouble(mk.group(1));
    long lastSeq = all.stream().mapToLong(w -> w.lastSeq).max().orElseThrow();
    // Independent of the stream: the store must hold nothing after the run_finished the watchers saw.
    var rest = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs/" + id + "/events?after=" + lastSeq)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
    List<String> failures = new ArrayList<>();
    if (!rest.startsWith("{\"events\":[]")) failures.add("the store has events after seq " + lastSeq);
    long good = 0;
    long[] lags = new long[watchers];
    for (int i = 0; i < watchers; i++) {
      var w = all.get(i);
      String problem = w.problem(lastSeq);
      if (problem == null) good++; else failures.add("watcher " + i + ": " + problem);
      lags[i] = w.finishedAt == 0 ? Long.MAX_VALUE : w.finishedAt - runEnd;
    }
    Arrays.sort(lags);
    System.out.printf("events per watcher %d, in order and complete: %d/%d; lag of run_finished after run end: median %s ms, p99 %s ms, max %s ms%n",
        lastSeq + 1, good, watchers, ms(lags[lags.length / 2]), ms(lags[Math.max(0, (int) Math.ceil(lags.length * 0.99) - 1)]), ms(lags[lags.length - 1]));
    long deflated = all.stream().filter(w -> w.inflater != null).count();
    System.out.printf("client: %.2f s CPU connecting, %.2f s streaming; permessage-deflate agreed for %d/%d; load average %.2f%n",
        cpuConnecting / 1e9, cpuStreaming / 1e9, deflated, watchers, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    failures.stream().limit(10).forEach(f -> System.out.println("FAILED " + f));
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  static String ms(long lag) { return lag == Long.MAX_VALUE ? "never" : Long.toString(lag); }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Runs a made-up events message through the checker in awkward pieces before anything connects: it must find
   * exactly the events it is given, not take a task named run_finished for the end, and notice one missing event.
   * It is also the JIT's warm-up, so that the scanner is compiled before the burst it measures.
   */
  static void selfTest() {
    int n = 5000;
    byte[] whole = syntheticEvents(n, -1, true), gap = syntheticEvents(n, n / 2, true), open = syntheticEvents(100, -1, false);
    var random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] x = new byte[random.nextInt(40)];
      for (int k = 0; k < x.length; k++) x[k] = (byte) (random.nextInt(5) == 0 ? '{' : random.nextInt(256));
      int from = random.nextInt(x.length + 1), to = from + random.nextInt(x.length - from + 1), naive = from;
      while (naive < to && x[naive] != '{') naive++;
      if (Checker.indexOfBrace(x, from, to) != naive) throw new IllegalStateException("self-test: the '{' search is wrong");
    }
    for (int round = 0; round < 40; round++) {
      int piece = round % 4 == 0 ? 1 + round : 64 * 1024;
      var c = new Checker(); feed(c, whole, piece);
      if (c.lastSeq != n - 1 || c.finishedSeq != n - 1 || c.outOfOrder != 0 || c.finishedAt == 0) throw new IllegalStateException("self-test: a whole message was misread");
      var g = new Checker(); feed(g, gap, piece);
      if (g.outOfOrder != 1) throw new IllegalStateException("self-test: a missing event went unnoticed");
      var o = new Checker(); feed(o, open, piece);
      if (o.lastSeq != 99 || o.finishedAt != 0) throw new IllegalStateException("self-test: a task named run_finished ended the run");
    }
  }

  static void feed(Checker c, byte[] message, int piece) {
    c.startMessage();
    for (int i = 0; i < message.length; i += piece) c.scan(message, i, Math.min(message.length, i + piece));
    c.endMessage();
  }

  /** An events frame as the server writes it: seqs 0..n-1 but {@code skip}, the last one run_finished if {@code finished}. */
  static byte[] syntheticEvents(int n, long skip, boolean finished) {
    var sb = new StringBuilder("{\"frame\":\"events\",\"runId\":\"self-test\",\"events\":[");
    for (int s = 0; s < n; s++) {
      if (s == skip) continue;
      if (sb.charAt(sb.length() - 1) != '[') sb.append(',');
      boolean last = finished && s == n - 1;
      sb.append("{\"seq\":").append(s).append(last ? ",\"type\":\"run_finished\"" : ",\"type\":\"task_finished\"")
          .append(",\"ns\":").append(s * 1000L).append(",\"tMs\":").append(s / 1000.0)
          .append(last ? ",\"lane\":-1,\"status\":\"succeeded\"}" : ",\"lane\":0,\"task\":\"" + (s % 7 == 0 ? "run_finished" : "t" + s) + "\"}");
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** What one watcher received, read from text messages as bytes; no I/O, so the self-test can use it alone. */
  static class Checker {
    // Per message: its kind from the first bytes ({"frame":"events"...), and the scanner's state.
    final byte[] head = new byte[24]; int headLen; String kind;
    int state, matched, digits; long number; boolean sawFinished;
    // Per watcher: what arrived. lastSeq is the last event's seq; order breaks are counted, not just flagged.
    long lastSeq = -1, finishedSeq = -1, finishedAt; int outOfOrder, runFrames, summaryFrames, framesAfterSummary;
    String firstKind;

    void startMessage() { headLen = 0; kind = null; state = FIND; sawFinished = false; }

    /**
     * Classifies the message by its first bytes, then (events only) reads every event's opening
     * {@code {"seq":N,"type":"...}: "seq" and "type" come first in every event object, and an event object is
     * the only '{' inside an events frame but the frame's own.
     */
    void scan(byte[] b, int i, int to) {
      while (kind == null && i < to) {
        head[headLen++] = b[i++];
        if (headLen == head.length) classify();
      }
      if (!"events".equals(kind)) return;
      while (i < to) {
        if (state == FIND) {
          i = indexOfBrace(b, i, to);
          if (i == to) return;
          i++; state = START; matched = 1;
          continue;
        }
        byte c = b[i++];
        switch (state) {
          case START -> {
            if (c != EVENT_START[matched]) { state = FIND; i--; }
            else if (++matched == EVENT_START.length) { state = DIGITS; number = 0; digits = 0; }
          }
          case DIGITS -> {
            if (c >= '0' && c <= '9' && digits < 18) { number = number * 10 + (c - '0'); digits++; }
            else if (c == ',' && digits > 0) { event(number); state = TYPE; matched = 1; }
            else { state = FIND; i--; }
          }
          case TYPE -> {
            if (c != EVENT_TYPE[matched]) { state = FIND; i--; }
            else if (++matched == EVENT_TYPE.length) { state = FINISHED; matched = 0; }
          }
          case FINISHED -> {
            if (c != RUN_FINISHED[matched]) { state = FIND; i--; }
            else if (++matched == RUN_FINISHED.length) { sawFinished = true; finishedSeq = lastSeq; state = FIND; }
          }
          default -> throw new IllegalStateException("scanner state " + state);
        }
      }
    }

    /**
     * The first '{' in {@code b[i..to)}, or {@code to}: eight bytes at a time (SWAR), since almost every byte the
     * watchers receive is passed over here, on the cores the server needs.
     */
    static int indexOfBrace(byte[] b, int i, int to) {
      for (; i + 8 <= to; i += 8) {
        long w = (long) LONGS.get(b, i) ^ 0x7b7b7b7b7b7b7b7bL; // '{' bytes become 0
        long zeros = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L; // exact for the lowest zero byte
        if (zeros != 0) return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
      while (i < to && b[i] != '{') i++;
      return i;
    }

    void classify() {
      String start = new String(head, 0, headLen, StandardCharsets.US_ASCII);
      kind = "other";
      for (String k : KINDS) if (start.startsWith("{\"frame\":\"" + k + "\"")) kind = k;
    }

    void event(long seq) {
      if (seq != lastSeq + 1 || finishedAt != 0) outOfOrder++;
      lastSeq = seq;
    }

    void endMessage() {
      if (kind == null) classify();
      if (summaryFrames > 0) framesAfterSummary++;
      if (firstKind == null) firstKind = kind;
      switch (kind) {
        case "run" -> runFrames++;
        case "summary" -> summaryFrames++;
        case "events" -> { if (sawFinished) finishedAt = System.currentTimeMillis(); }
        default -> {}
      }
    }
  }

  /** One connection: reads frames into its own buffer and passes each text message's payload to its checker. */
  static final class Watcher extends Checker {
    final Socket socket; final InputStream in; final OutputStream out;
    final byte[] buf = new byte[64 * 1024]; int pos, lim;
    // permessage-deflate, when the server agreed to it (as it does for browsers, which always offer it).
    Inflater inflater; final byte[] plain = new byte[64 * 1024]; boolean compressed;
    volatile int closeCode = -1; String error;

    Watcher(Socket socket) throws IOException { this.socket = socket; in = socket.getInputStream(); out = socket.getOutputStream(); }

    static Watcher connect(URI uri, String cookie) throws Exception {
      var s = new Socket(uri.getHost(), uri.getPort());
      s.setTcpNoDelay(true);
      var w = new Watcher(s);
      byte[] nonce = new byte[16]; ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String req = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
          + "\r\nSec-WebSocket-Version: 13\r\nCookie: " + cookie
          + "\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
      w.out.write(req.getBytes(StandardCharsets.US_ASCII)); w.out.flush();
      String headers = w.readHeaders();
      String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
      if (!headers.startsWith("HTTP/1.1 101") || !headers.contains(accept)) throw new IllegalStateException("handshake refused: " + headers);
      if (headers.toLowerCase(Locale.ROOT).contains("sec-websocket-extensions: permessage-deflate")) w.inflater = new Inflater(true);
      return w;
    }

    String readHeaders() throws IOException {
      var sb = new StringBuilder();
      while (!sb.toString().endsWith("\r\n\r\n")) sb.append((char) readByte());
      return sb.toString();
    }

    int readByte() throws IOException {
      if (pos == lim) { lim = in.read(buf); pos = 0; if (lim < 0) throw new EOFException("connection ended without a close frame"); }
      return buf[pos++] & 0xff;
    }

    void readAll() {
      try {
        while (closeCode < 0) readFrame();
      } catch (Exception e) {
        error = e.toString();
      } finally {
        try { socket.close(); } catch (IOException ignored) {}
      }
    }

    void readFrame() throws IOException {
      int b0 = readByte(), b1 = readByte();
      boolean fin = (b0 & 0x80) != 0; int opcode = b0 & 0x0f;
      if ((b1 & 0x80) != 0) throw new IOException("a server frame is masked");
      long len = b1 & 0x7f;
      if (len == 126) len = (readByte() << 8) | readByte();
      else if (len == 127) { len = 0; for (int i = 0; i < 8; i++) len = (len << 8) | readByte(); }
      switch (opcode) {
        case 0x1, 0x0 -> {
          if (opcode == 0x1) startMessage((b0 & 0x40) != 0);
          scan(len);
          if (fin && compressed) inflate(DEFLATE_TAIL, 0, DEFLATE_TAIL.length);
          if (fin) endMessage();
        }
        case 0x8 -> {
          byte[] p = payload(len);
          try { send(0x8, p.length >= 2 ? Arrays.copyOf(p, 2) : new byte[0]); } catch (IOException alreadyClosed) {}
          closeCode = p.length >= 2 ? ((p[0] & 0xff) << 8) | (p[1] & 0xff) : 1005;
        }
        case 0x9 -> send(0xA, payload(len));
        case 0xA -> payload(len);
        default -> throw new IOException("unexpected opcode " + opcode);
      }
    }

    byte[] payload(long len) throws IOException {
      byte[] p = new byte[(int) len];
      for (int i = 0; i < p.length; i++) p[i] = (byte) readByte();
      return p;
    }

    /** A client frame: masked, as RFC 6455 requires; only close and pong are ever sent. */
    void send(int opcode, byte[] payload) throws IOException {
      byte[] mask = new byte[4]; ThreadLocalRandom.current().nextBytes(mask);
      var f = new ByteArrayOutputStream();
      f.write(0x80 | opcode); f.write(0x80 | payload.length); f.write(mask);
      for (int i = 0; i < payload.length; i++) f.write(payload[i] ^ mask[i & 3]);
      out.write(f.toByteArray()); out.flush();
    }

    void startMessage(boolean compressed) {
      startMessage(); this.compressed = compressed;
      if (compressed && inflater == null) throw new IllegalStateException("a compressed message, but no extension was agreed");
      if (compressed && inflater.finished()) inflater.reset(); // the server's stream ended: the next one is new
    }

    /** Passes {@code len} payload bytes to the scanner, through the inflater if the message is compressed. */
    void scan(long len) throws IOException {
      while (len > 0) {
        if (pos == lim) { lim = in.read(buf); pos = 0; if (lim < 0) throw new EOFException("connection ended inside a frame"); }
        int n = (int) Math.min(len, lim - pos);
        if (compressed) inflate(buf, pos, n); else scan(buf, pos, pos + n);
        pos += n; len -= n;
      }
    }

    /** RFC 7692: a message's frames are one deflate stream (the window kept across messages) ending 00 00 ff ff. */
    void inflate(byte[] b, int off, int n) {
      inflater.setInput(b, off, n);
      try {
        while (true) {
          int k = inflater.inflate(plain);
          if (k > 0) scan(plain, 0, k);
          else if (inflater.needsInput() || inflater.finished()) return;
          else throw new IllegalStateException("the inflater wants a dictionary");
        }
      } catch (DataFormatException e) {
        throw new IllegalStateException("a compressed message does not inflate", e);
      }
    }

    /** Null if this watcher got exactly what it must; else what went wrong. */
    String problem(long expectedLastSeq) {
      if (error != null) return error;
      if (runFrames != 1 || !"run".equals(firstKind)) return runFrames + " run frames, the first frame " + firstKind;
      if (outOfOrder > 0) return outOfOrder + " events out of order, duplicated or after run_finished";
      if (finishedAt == 0) return "no run_finished (last seq " + lastSeq + ")";
      if (finishedSeq != lastSeq) return "events after run_finished (seq " + finishedSeq + ", last " + lastSeq + ")";
      if (lastSeq != expectedLastSeq) return "last seq " + lastSeq + ", another watcher's " + expectedLastSeq;
      if (summaryFrames != 1 || framesAfterSummary > 0) return summaryFrames + " summary frames, " + framesAfterSummary + " frames after it";
      if (closeCode != 1000) return "closed with " + closeCode;
      return null;
    }
  }
}
