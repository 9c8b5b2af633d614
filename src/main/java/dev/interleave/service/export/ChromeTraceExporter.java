package dev.interleave.service.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;

/**
 * Turns a run (and optionally its prediction) into Chrome Trace Event Format JSON that opens in Perfetto and
 * {@code chrome://tracing}: one process per run, one thread per lane.
 *
 * <p>Layout rules, and why:
 * <ul>
 *   <li>Work that holds its lane (cpu, blocking_io, and every task off the event loop) is a complete event
 *       ({@code "ph":"X"}); a lane runs one such task at a time, so these never overlap on a thread.</li>
 *   <li>Io waits on the event loop overlap each other on the loop's one lane. Overlapping X slices on one
 *       thread must nest, and these do not, so they are async events ({@code "b"/"e"}, own id each).</li>
 *   <li>A stall (timer due -> task resumed) is its own async slice, so a busy loop's cost is visible.</li>
 * </ul>
 * All JSON is built with Jackson: user text (ids, labels, names) is never escaped by hand.
 */
public final class ChromeTraceExporter {

    private static final int MEASURED_PID = 1;
    private static final int PREDICTED_PID = 2;

    private final ObjectMapper mapper;

    public ChromeTraceExporter(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @param graph     the graph the run executed (for labels and the name)
     * @param run       the run to show: measured, or a virtual-time run when there is nothing measured
     * @param predicted its prediction, shown as a second process; null to leave it out
     */
    public ObjectNode trace(TaskGraph graph, RunResult run, RunResult predicted) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(run, "run");
        var ids = new TraceIds();
        var metadataEvents = new ArrayList<ObjectNode>();
        var timedEvents = new ArrayList<ObjectNode>();
        String title = graph.name() == null ? "graph" : graph.name();
        new TraceProcess(mapper, graph, run, MEASURED_PID, processName(title, run), ids)
                .writeTo(metadataEvents, timedEvents);
        if (predicted != null) {
            new TraceProcess(mapper, graph, predicted, PREDICTED_PID, processName(title, predicted), ids)
                    .writeTo(metadataEvents, timedEvents);
        }
        // Stable sort: at equal times a slice's begin stays before its end, and per-lane order is kept.
        timedEvents.sort(Comparator.comparingDouble(e -> e.get("ts").asDouble()));

        ObjectNode trace = mapper.createObjectNode();
        ArrayNode events = trace.putArray("traceEvents");
        metadataEvents.forEach(events::add);
        timedEvents.forEach(events::add);
        trace.put("displayTimeUnit", "ms");
        trace.set("metadata", metadata(graph, run, predicted));
        return trace;
    }

    /** The trace as compact JSON text. */
    public String json(TaskGraph graph, RunResult run, RunResult predicted) {
        try {
            return mapper.writeValueAsString(trace(graph, run, predicted));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a trace tree could not be written", e);
        }
    }

    private static String processName(String title, RunResult run) {
        return title + " - " + run.scheduler().describe() + (run.virtual() ? " - predicted" : " - measured");
    }

    private ObjectNode metadata(TaskGraph graph, RunResult run, RunResult predicted) {
        ObjectNode meta = mapper.createObjectNode();
        meta.put("generator", "Interleave");
        meta.put("graph", graph.name());
        meta.put("scheduler", run.scheduler().wireName());
        meta.put("lanes", run.scheduler().laneCount());
        meta.put("virtual", run.virtual());
        meta.put("status", run.status().wireName());
        meta.put("reason", run.reason());
        meta.put("makespanMs", run.makespanMillis());
        if (predicted != null) {
            meta.put("predictedMakespanMs", predicted.makespanMillis());
        }
        if (run.analysis() != null) {
            var metrics = run.analysis().metrics();
            meta.put("criticalPathMs", metrics.criticalPathNanos() / 1e6);
            meta.put("lowerBoundMs", run.analysis().lowerBoundNanos() / 1e6);
            ArrayNode path = meta.putArray("criticalPath");
            metrics.criticalPath().forEach(path::add);
        }
        ArrayNode notStarted = meta.putArray("notStarted");
        TraceProcess.notStarted(run).forEach(notStarted::add);
        return meta;
    }

    /** Hands out async-event ids, unique across the whole trace (both processes). */
    static final class TraceIds {
        private long next = 1;

        String next() {
            return "0x" + Long.toHexString(next++);
        }
    }
}
