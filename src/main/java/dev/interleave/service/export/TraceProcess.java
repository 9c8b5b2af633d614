package dev.interleave.service.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.TaskState;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.List;
import java.util.Set;

/**
 * The trace events of one run: a process whose threads are the run's lanes. Lane {@code n} is thread id
 * {@code n + 1} (some viewers treat tid 0 specially). Times are microseconds since the run started.
 */
final class TraceProcess {

    private final ObjectMapper mapper;
    private final TaskGraph graph;
    private final RunResult run;
    private final int pid;
    private final String name;
    private final ChromeTraceExporter.TraceIds ids;
    private final Set<String> criticalPath;
    private final boolean ioOverlaps;

    TraceProcess(
            ObjectMapper mapper,
            TaskGraph graph,
            RunResult run,
            int pid,
            String name,
            ChromeTraceExporter.TraceIds ids) {
        this.mapper = mapper;
        this.graph = graph;
        this.run = run;
        this.pid = pid;
        this.name = name;
        this.ids = ids;
        this.criticalPath = run.analysis() == null
                ? Set.of()
                : Set.copyOf(run.analysis().metrics().criticalPath());
        this.ioOverlaps = run.scheduler() instanceof SchedulerSpec.EventLoop;
    }

    /** Ids of tasks that never started work (a run stopped early), in declaration order. */
    static List<String> notStarted(RunResult run) {
        return run.tasks().stream().filter(t -> !started(t)).map(TaskTiming::id).toList();
    }

    private static boolean started(TaskTiming t) {
        return t.lane() >= 0 && t.startNanos() != TaskTiming.ABSENT;
    }

    void writeTo(List<ObjectNode> metadata, List<ObjectNode> timed) {
        metadata.add(meta("process_name", 0, "name", TextNode.valueOf(name)));
        metadata.add(meta("process_sort_index", 0, "sort_index", IntNode.valueOf(pid)));
        for (int lane = 0; lane < run.scheduler().laneCount(); lane++) {
            metadata.add(meta("thread_name", tid(lane), "name", TextNode.valueOf(laneName(lane))));
            metadata.add(meta("thread_sort_index", tid(lane), "sort_index", IntNode.valueOf(lane)));
        }
        for (TaskTiming task : run.tasks()) {
            if (!started(task)) {
                continue;
            }
            if (ioOverlaps && task.kind() == TaskKind.IO) {
                writeIoWait(task, timed);
            } else {
                timed.add(complete(task));
            }
        }
        new ThreadTracks(this, run).writeTo(metadata, timed);
        timed.add(runFinished());
    }

    private String laneName(int lane) {
        return switch (run.scheduler()) {
            case SchedulerSpec.Sequential s -> "main thread";
            case SchedulerSpec.EventLoop e -> lane == 0 ? "event loop" : "executor thread " + (lane - 1);
            case SchedulerSpec.Parallel p -> "worker " + lane;
            case SchedulerSpec.Threads t -> "thread " + lane;
        };
    }

    /** Work that held its lane from start to end. */
    private ObjectNode complete(TaskTiming task) {
        ObjectNode event = event("X", task.id(), task.kind().wireName(), task.startNanos(), tid(task.lane()));
        event.put("dur", micros(end(task) - task.startNanos()));
        event.set("args", taskArgs(task));
        return event;
    }

    /** An io wait on the event loop: the wait and, if the loop noticed it late, the stall, as async slices. */
    private void writeIoWait(TaskTiming task, List<ObjectNode> timed) {
        String waitId = ids.next();
        ObjectNode begin =
                event("b", task.id(), "io", task.startNanos(), tid(task.lane())).put("id", waitId);
        begin.set("args", taskArgs(task));
        timed.add(begin);
        timed.add(event("e", task.id(), "io", end(task), tid(task.lane())).put("id", waitId));
        if (task.stallNanos() > 0) {
            String stallId = ids.next();
            String stallName = "stall: " + task.id();
            ObjectNode stall = event("b", stallName, "stall", task.dueNanos(), tid(task.lane()))
                    .put("id", stallId);
            stall.putObject("args")
                    .put("task", task.id())
                    .put("stallMs", task.stallNanos() / 1e6)
                    .put("why", "the timer was due but the loop was busy");
            timed.add(stall);
            timed.add(event("e", stallName, "stall", task.resumedNanos(), tid(task.lane()))
                    .put("id", stallId));
        }
    }

    private ObjectNode runFinished() {
        ObjectNode event = event("i", "run " + run.status().wireName(), "run", run.makespanNanos(), tid(0));
        event.put("s", "p");
        event.putObject("args").put("makespanMs", run.makespanMillis()).put("reason", run.reason());
        return event;
    }

    private ObjectNode taskArgs(TaskTiming task) {
        ObjectNode args = mapper.createObjectNode();
        args.put("id", task.id());
        args.put("kind", task.kind().wireName());
        args.put("label", graph.task(task.id()).label());
        args.put("ms", graph.task(task.id()).ms());
        args.put("state", task.state().wireName());
        args.put("lane", task.lane());
        putMillis(args, "readyMs", task.readyNanos());
        putMillis(args, "startMs", task.startNanos());
        putMillis(args, "endMs", task.endNanos());
        putMillis(args, "dueMs", task.dueNanos());
        putMillis(args, "resumedMs", task.resumedNanos());
        args.put("stallMs", task.stallNanos() / 1e6);
        args.put("queuedMs", task.queuedNanos() / 1e6);
        args.put("criticalPath", criticalPath.contains(task.id()));
        return args;
    }

    /** A started task without an end (stopped mid-work) is drawn up to the run's end. */
    private long end(TaskTiming task) {
        long end = task.endNanos() == TaskTiming.ABSENT || task.state() == TaskState.PENDING
                ? run.makespanNanos()
                : task.endNanos();
        return Math.max(end, task.startNanos());
    }

    ObjectNode event(String phase, String eventName, String category, long nanos, int tid) {
        ObjectNode event = mapper.createObjectNode();
        event.put("name", eventName);
        event.put("cat", category);
        event.put("ph", phase);
        event.put("ts", micros(nanos));
        event.put("pid", pid);
        event.put("tid", tid);
        return event;
    }

    /** A metadata event ({@code "ph":"M"}) with one argument, e.g. a thread's name. */
    ObjectNode meta(String metaName, int tid, String key, JsonNode value) {
        ObjectNode event = mapper.createObjectNode();
        event.put("name", metaName);
        event.put("ph", "M");
        event.put("pid", pid);
        event.put("tid", tid);
        event.putObject("args").set(key, value);
        return event;
    }

    private static void putMillis(ObjectNode args, String field, long nanos) {
        if (nanos == TaskTiming.ABSENT) {
            args.putNull(field);
        } else {
            args.put(field, nanos / 1e6);
        }
    }

    /** An async-event id unique across the trace. */
    String nextId() {
        return ids.next();
    }

    private static int tid(int lane) {
        return lane + 1;
    }

    static double micros(long nanos) {
        return nanos / 1e3;
    }
}
