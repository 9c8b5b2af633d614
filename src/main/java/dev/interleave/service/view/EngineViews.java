package dev.interleave.service.view;

import dev.interleave.engine.RunAnalysis;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.List;

/** Engine records to contract views: nanoseconds become milliseconds, absent times become null. */
public final class EngineViews {

    private EngineViews() {}

    public static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Double msOrNull(long nanos) {
        return nanos == TaskTiming.ABSENT ? null : ms(nanos);
    }

    public static SchedulerView scheduler(SchedulerSpec spec) {
        return switch (spec) {
            case SchedulerSpec.Sequential s -> new SchedulerView("sequential", null);
            case SchedulerSpec.EventLoop e ->
                new SchedulerView(
                        "event_loop", null, null, e.cores() == SchedulerSpec.DEFAULT_CORES ? null : e.cores());
            case SchedulerSpec.Parallel p -> new SchedulerView("parallel", p.workers());
            case SchedulerSpec.Threads t -> new SchedulerView("threads", t.workers(), t.gil(), t.cores());
        };
    }

    public static List<TaskView> tasks(List<TaskTiming> timings, TaskGraph graph) {
        return timings.stream().map(t -> task(t, graph.task(t.id()).label())).toList();
    }

    public static TaskView task(TaskTiming t, String label) {
        return new TaskView(
                t.id(),
                t.kind().wireName(),
                label,
                t.lane() < 0 ? null : t.lane(),
                t.state().wireName(),
                msOrNull(t.readyNanos()),
                msOrNull(t.startNanos()),
                msOrNull(t.endNanos()),
                msOrNull(t.dueNanos()),
                msOrNull(t.callbackNanos()),
                msOrNull(t.resumedNanos()),
                ms(t.stallNanos()),
                ms(t.queuedNanos()));
    }

    public static BoundsView bounds(RunAnalysis a) {
        var m = a.metrics();
        return new BoundsView(
                ms(a.lowerBoundNanos()),
                ms(a.sequentialBoundNanos()),
                ms(a.eventLoopBoundNanos()),
                ms(a.parallelBoundNanos()),
                a.parallelWorkers(),
                ms(m.criticalPathNanos()),
                m.criticalPath(),
                ms(m.totalWorkNanos()),
                ms(m.loopHoldingWorkNanos()));
    }

    public static EventView event(RunEvent e) {
        return switch (e) {
            case RunEvent.RunStarted s ->
                new EventView(
                        s.seq(),
                        s.type(),
                        s.nanos(),
                        ms(s.nanos()),
                        s.lane(),
                        null,
                        null,
                        null,
                        s.scheduler(),
                        s.lanes(),
                        s.virtual(),
                        null,
                        null,
                        null);
            case RunEvent.TimerArmed t -> simple(t, ms(t.dueNanos()), null, null);
            case RunEvent.TimerDue t -> simple(t, ms(t.dueNanos()), null, null);
            case RunEvent.TaskResumed r -> simple(r, null, r.awaited(), null);
            case RunEvent.TaskFailed f -> simple(f, null, null, f.reason());
            case RunEvent.RunFinished f ->
                new EventView(
                        f.seq(),
                        f.type(),
                        f.nanos(),
                        ms(f.nanos()),
                        f.lane(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        f.status().wireName(),
                        f.reason(),
                        null);
            case RunEvent.TaskReady r -> simple(r, null, null, null);
            case RunEvent.TaskCreated c -> simple(c, null, null, null);
            case RunEvent.TaskStarted s -> simple(s, null, null, null);
            case RunEvent.WorkStarted w -> simple(w, null, null, null);
            case RunEvent.TimerCallbackRun c -> simple(c, null, null, null);
            case RunEvent.TaskFinished f -> simple(f, null, null, null);
            case RunEvent.TaskCancelled c -> simple(c, null, null, null);
            case RunEvent.GilWait g -> simple(g, null, null, null);
            case RunEvent.GilTaken g -> simple(g, null, null, null);
            case RunEvent.GilReleased g -> simple(g, null, null, null);
            case RunEvent.LimitWait l -> limited(l, l.limit());
            case RunEvent.LimitTaken l -> limited(l, l.limit());
            case RunEvent.LoopPass p -> pass(p);
        };
    }

    private static EventView simple(RunEvent e, Double dueMs, String awaited, String reason) {
        return new EventView(
                e.seq(),
                e.type(),
                e.nanos(),
                ms(e.nanos()),
                e.lane(),
                e.task(),
                dueMs,
                awaited,
                null,
                null,
                null,
                null,
                reason,
                null);
    }

    private static EventView limited(RunEvent e, String limit) {
        return new EventView(
                e.seq(),
                e.type(),
                e.nanos(),
                ms(e.nanos()),
                e.lane(),
                e.task(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                limit);
    }

    private static EventView pass(RunEvent.LoopPass p) {
        return new EventView(
                p.seq(),
                p.type(),
                p.nanos(),
                ms(p.nanos()),
                p.lane(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                p.pass(),
                p.ready(),
                p.timers());
    }
}
