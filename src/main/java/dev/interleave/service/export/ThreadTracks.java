package dev.interleave.service.export;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interleave.engine.RunResult;
import java.util.List;

/**
 * The trace's view of threads and limits ({@link ThreadActivity}), added to a run's process by
 * {@link TraceProcess}:
 * <ul>
 *   <li>a "GIL" thread, sorted first, with one complete slice per holding, named after the holder; holdings
 *       never overlap, so they are X slices as the lanes' tasks are;</li>
 *   <li>each wait for the GIL (ready, not holding) as an async slice ({@code cat "gil_wait"}) on the waiting
 *       thread's own track: it may fall inside that thread's task slice (a preempted cpu task), which an X slice
 *       could not do without breaking the lane's no-overlap rule;</li>
 *   <li>each wait for a limit as an async slice ({@code cat "limit"}) on the lane the task holds while it waits
 *       (on the event loop many such waits overlap on lane 0).</li>
 * </ul>
 * The main thread of a threads run (lane -1) gets a track of its own after the lanes.
 */
final class ThreadTracks {

    private final TraceProcess process;
    private final ThreadActivity activity;
    /** Tracks used by lanes: tids 1..laneTracks. The GIL and the main thread come after them. */
    private final int laneTracks;

    ThreadTracks(TraceProcess process, RunResult run) {
        this.process = process;
        this.activity = ThreadActivity.of(run.events(), run.makespanNanos());
        int lanes = run.scheduler().laneCount();
        for (var task : run.tasks()) {
            lanes = Math.max(lanes, task.lane() + 1);
        }
        this.laneTracks = lanes;
    }

    void writeTo(List<ObjectNode> metadata, List<ObjectNode> timed) {
        if (activity.isEmpty()) {
            return;
        }
        if (!activity.holdings().isEmpty()) {
            metadata.add(process.meta("thread_name", gilTid(), "name", TextNode.valueOf("GIL")));
            metadata.add(process.meta("thread_sort_index", gilTid(), "sort_index", IntNode.valueOf(-1)));
        }
        boolean mainUsed = activity.holdings().stream().anyMatch(s -> s.lane() < 0)
                || activity.gilWaits().stream().anyMatch(s -> s.lane() < 0);
        if (mainUsed) {
            metadata.add(process.meta("thread_name", mainTid(), "name", TextNode.valueOf("main thread")));
            metadata.add(process.meta("thread_sort_index", mainTid(), "sort_index", IntNode.valueOf(laneTracks)));
        }
        for (var holding : activity.holdings()) {
            String name = threadName(holding.lane()) + (holding.task() == null ? "" : ": " + holding.task());
            ObjectNode slice = process.event("X", name, "gil", holding.startNanos(), gilTid());
            slice.put("dur", TraceProcess.micros(holding.endNanos() - holding.startNanos()));
            args(slice, holding).put("holder", threadName(holding.lane()));
            timed.add(slice);
        }
        for (var wait : activity.gilWaits()) {
            asyncSlice(timed, "waits for the GIL", "gil_wait", wait);
        }
        for (var wait : activity.limitWaits()) {
            asyncSlice(timed, "limit wait: " + wait.limit(), "limit", wait);
        }
    }

    private void asyncSlice(List<ObjectNode> timed, String name, String category, ThreadActivity.Span span) {
        String id = process.nextId();
        ObjectNode begin = process.event("b", name, category, span.startNanos(), tid(span.lane()))
                .put("id", id);
        args(begin, span).put("waitMs", (span.endNanos() - span.startNanos()) / 1e6);
        timed.add(begin);
        timed.add(process.event("e", name, category, span.endNanos(), tid(span.lane()))
                .put("id", id));
    }

    private static ObjectNode args(ObjectNode slice, ThreadActivity.Span span) {
        ObjectNode args = slice.putObject("args");
        args.put("lane", span.lane());
        args.put("task", span.task());
        if (span.limit() != null) {
            args.put("limit", span.limit());
        }
        return args;
    }

    private String threadName(int lane) {
        return lane < 0 ? "main thread" : "thread " + lane;
    }

    private int tid(int lane) {
        return lane < 0 ? mainTid() : lane + 1;
    }

    private int gilTid() {
        return laneTracks + 1;
    }

    private int mainTid() {
        return laneTracks + 2;
    }
}
