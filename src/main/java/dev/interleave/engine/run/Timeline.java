package dev.interleave.engine.run;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.graph.Task;
import dev.interleave.engine.graph.TaskGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The single writer of a run's events: stamps each with the next sequence number and the clock's time, keeps the
 * per-task times, and hands the event to the outlet (which must not block). Confined to the scheduler's thread.
 *
 * <p>Per-task state is kept in arrays indexed by declaration index, so a million-task simulation stays compact.
 */
public final class Timeline {

    private final TaskGraph graph;
    private final Clock clock;
    private final Consumer<RunEvent> outlet;
    private final List<RunEvent> events;
    /** False when nobody keeps or receives events: they are then counted but never built. */
    private final boolean recording;

    private long seq;
    private final int[] lanes;
    private final TaskState[] states;
    private final long[] starts;
    private final long[] ends;
    private final long[] dues;
    private final long[] callbacks;
    private final long[] resumes;
    private long lastFinishNanos;
    private long stopNanos = TaskTiming.ABSENT;

    /**
     * @param keepEvents keep every event for {@link #events()} (off for very large simulations)
     * @param outlet     receives every event as it is emitted; must not block
     */
    public Timeline(TaskGraph graph, Clock clock, boolean keepEvents, Consumer<RunEvent> outlet) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outlet = outlet;
        // At most 7 events per task plus one resume per awaited dependency: sized once, never copied while growing.
        this.events = keepEvents ? new ArrayList<>(7 * graph.size() + graph.edgeCount() + 2) : null;
        this.recording = keepEvents || outlet != null;
        int n = graph.size();
        lanes = new int[n];
        Arrays.fill(lanes, RunEvent.NO_LANE);
        states = new TaskState[n];
        Arrays.fill(states, TaskState.PENDING);
        starts = absent(n);
        ends = absent(n);
        dues = absent(n);
        callbacks = absent(n);
        resumes = absent(n);
    }

    private static long[] absent(int n) {
        long[] times = new long[n];
        Arrays.fill(times, TaskTiming.ABSENT);
        return times;
    }

    public TaskGraph graph() {
        return graph;
    }

    public long now() {
        return clock.nanos();
    }

    public void runStarted(String scheduler, int laneCount) {
        if (!countOnly()) {
            emit(new RunEvent.RunStarted(seq, now(), RunEvent.NO_LANE, scheduler, laneCount, clock.isVirtual()));
        }
    }

    public void ready(int task) {
        if (!countOnly()) {
            emit(new RunEvent.TaskReady(seq, now(), RunEvent.NO_LANE, id(task)));
        }
    }

    public void created(int task) {
        if (!countOnly()) {
            emit(new RunEvent.TaskCreated(seq, now(), 0, id(task)));
        }
    }

    public void started(int task) {
        if (!countOnly()) {
            emit(new RunEvent.TaskStarted(seq, now(), 0, id(task)));
        }
    }

    public void workStarted(int task, int lane) {
        long now = now();
        lanes[task] = lane;
        starts[task] = now;
        if (!countOnly()) {
            emit(new RunEvent.WorkStarted(seq, now, lane, id(task)));
        }
    }

    public void timerArmed(int task, long dueNanos) {
        long now = now();
        lanes[task] = 0;
        starts[task] = now;
        if (!countOnly()) {
            emit(new RunEvent.TimerArmed(seq, now, 0, id(task), dueNanos));
        }
    }

    public void timerDue(int task, long dueNanos) {
        dues[task] = dueNanos;
        if (!countOnly()) {
            emit(new RunEvent.TimerDue(seq, now(), 0, id(task), dueNanos));
        }
    }

    public void timerCallback(int task) {
        long now = now();
        callbacks[task] = now;
        if (!countOnly()) {
            emit(new RunEvent.TimerCallbackRun(seq, now, 0, id(task)));
        }
    }

    /** @param awaited index of the dependency the task waited for, or -1 when it resumes after its sleep */
    public void resumed(int task, int awaited) {
        long now = now();
        if (awaited < 0) {
            resumes[task] = now;
        }
        if (!countOnly()) {
            emit(new RunEvent.TaskResumed(seq, now, 0, id(task), awaited < 0 ? null : id(awaited)));
        }
    }

    public void finished(int task, int lane, long atNanos) {
        states[task] = TaskState.FINISHED;
        ends[task] = atNanos;
        lastFinishNanos = Math.max(lastFinishNanos, atNanos);
        if (!countOnly()) {
            emit(new RunEvent.TaskFinished(seq, atNanos, lane, id(task)));
        }
    }

    public void finished(int task, int lane) {
        finished(task, lane, now());
    }

    public boolean isFinished(int task) {
        return states[task] == TaskState.FINISHED;
    }

    /** Marks every task that has not finished as cancelled; a task that was working keeps its lane. */
    public void cancelUnfinished() {
        long now = now();
        stopNanos = now;
        for (int task = 0; task < states.length; task++) {
            if (states[task] == TaskState.PENDING) {
                states[task] = TaskState.CANCELLED;
                ends[task] = starts[task] == TaskTiming.ABSENT ? TaskTiming.ABSENT : now;
                if (!countOnly()) {
                    emit(new RunEvent.TaskCancelled(seq, now, lanes[task], id(task)));
                }
            }
        }
    }

    public void runFinished(RunStatus status, String reason) {
        if (!countOnly()) {
            emit(new RunEvent.RunFinished(seq, now(), RunEvent.NO_LANE, status, reason));
        }
    }

    /** Time of the last task finish, or of the stop for a run that was stopped. */
    public long makespanNanos() {
        return stopNanos == TaskTiming.ABSENT ? lastFinishNanos : Math.max(lastFinishNanos, stopNanos);
    }

    public List<RunEvent> events() {
        return events == null ? List.of() : events;
    }

    public long eventCount() {
        return seq;
    }

    public List<TaskTiming> timings() {
        var timings = new ArrayList<TaskTiming>(states.length);
        for (int i = 0; i < states.length; i++) {
            Task t = graph.task(i);
            timings.add(new TaskTiming(
                    t.id(),
                    t.kind(),
                    lanes[i],
                    states[i],
                    readyNanos(i),
                    starts[i],
                    ends[i],
                    dues[i],
                    callbacks[i],
                    resumes[i]));
        }
        return timings;
    }

    private long readyNanos(int task) {
        long ready = 0;
        for (int dep : graph.dependenciesOf(task)) {
            if (ends[dep] == TaskTiming.ABSENT) {
                return TaskTiming.ABSENT;
            }
            ready = Math.max(ready, ends[dep]);
        }
        return ready;
    }

    private String id(int task) {
        return graph.task(task).id();
    }

    /** When nobody wants events, counts one and says so, so that the caller skips building it. */
    private boolean countOnly() {
        if (recording) {
            return false;
        }
        seq++;
        return true;
    }

    private void emit(RunEvent event) {
        seq++;
        if (events != null) {
            events.add(event);
        }
        if (outlet != null) {
            outlet.accept(event);
        }
    }
}
