package dev.interleave.engine.run;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.graph.TaskGraph;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * The single writer of a run's events: stamps each with the next sequence number and the clock's time, keeps the
 * per-task times, and hands the event to the outlet (which must not block). Confined to the scheduler's thread.
 *
 * <p>Per-task state is kept in arrays indexed by declaration index, so a million-task simulation stays compact:
 * a task's times, lane and state sit side by side in one array, because a scheduler touches them together. Events are built
 * as objects only for a live outlet; the kept log stores them as columns ({@link EventLog}).
 */
public final class Timeline {

    /** Offsets of a task's facts within {@link #facts}: its times, then its lane and its state's ordinal. */
    private static final int START = 0;

    private static final int END = 1;
    private static final int DUE = 2;
    private static final int CALLBACK = 3;
    private static final int RESUMED = 4;
    private static final int LANE = 5;
    private static final int STATE = 6;
    private static final int READY = 7;
    private static final int FACTS = 8;

    private static final TaskState[] STATES = TaskState.values();

    private final TaskGraph graph;
    private final Clock clock;
    private final Consumer<RunEvent> outlet;
    /** Null when the run keeps no events; then events are counted, and built only for the outlet. */
    private final EventLog log;

    private long seq;
    /**
     * Task {@code i}'s facts are {@code facts[i * FACTS + START ...]}: times ({@link TaskTiming#ABSENT} until
     * set), lane ({@link RunEvent#NO_LANE} until it works) and state (PENDING until it finishes or is cancelled).
     */
    private final long[] facts;

    private long lastFinishNanos;
    private long stopNanos = TaskTiming.ABSENT;

    /**
     * @param keepEvents keep every event for {@link #events()} (off for very large simulations)
     * @param outlet     receives every event as it is emitted; must not block; may be null
     */
    public Timeline(TaskGraph graph, Clock clock, boolean keepEvents, Consumer<RunEvent> outlet) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outlet = outlet;
        this.log = keepEvents ? new EventLog(graph) : null;
        int n = graph.size();
        facts = new long[n * FACTS];
        Arrays.fill(facts, TaskTiming.ABSENT);
        for (int at = 0; at < facts.length; at += FACTS) {
            facts[at + LANE] = RunEvent.NO_LANE;
            facts[at + STATE] = TaskState.PENDING.ordinal();
        }
    }

    public TaskGraph graph() {
        return graph;
    }

    public long now() {
        return clock.nanos();
    }

    public void runStarted(String scheduler, int laneCount) {
        emitWhole(new RunEvent.RunStarted(seq, now(), RunEvent.NO_LANE, scheduler, laneCount, clock.isVirtual()));
    }

    public void ready(int task) {
        emit(EventLog.TASK_READY, now(), RunEvent.NO_LANE, task, 0);
    }

    public void created(int task) {
        emit(EventLog.TASK_CREATED, now(), 0, task, 0);
    }

    public void started(int task) {
        emit(EventLog.TASK_STARTED, now(), 0, task, 0);
    }

    public void workStarted(int task, int lane) {
        long now = now();
        facts[task * FACTS + LANE] = lane;
        facts[task * FACTS + START] = now;
        emit(EventLog.WORK_STARTED, now, lane, task, 0);
    }

    public void timerArmed(int task, long dueNanos) {
        long now = now();
        facts[task * FACTS + LANE] = 0;
        facts[task * FACTS + START] = now;
        emit(EventLog.TIMER_ARMED, now, 0, task, dueNanos);
    }

    public void timerDue(int task, long dueNanos) {
        facts[task * FACTS + DUE] = dueNanos;
        emit(EventLog.TIMER_DUE, now(), 0, task, dueNanos);
    }

    public void timerCallback(int task) {
        long now = now();
        facts[task * FACTS + CALLBACK] = now;
        emit(EventLog.TIMER_CALLBACK, now, 0, task, 0);
    }

    /** @param awaited index of the dependency the task waited for, or -1 when it resumes after its sleep */
    public void resumed(int task, int awaited) {
        long now = now();
        if (awaited < 0) {
            facts[task * FACTS + RESUMED] = now;
        }
        emit(EventLog.TASK_RESUMED, now, 0, task, awaited);
    }

    /**
     * A thread becomes ready to run Python code but another thread holds the GIL. {@code lane} is the thread's
     * lane ({@link RunEvent#NO_LANE} for a thread without one, e.g. the main thread of a threads run); {@code task}
     * is the task it works for, or -1 for the thread's own bookkeeping (submitting, taking from the queue).
     */
    public void gilWait(int lane, int task) {
        emit(EventLog.GIL_WAIT, now(), lane, task, 0);
    }

    /** The thread takes the GIL; lane and task as for {@link #gilWait}. */
    public void gilTaken(int lane, int task) {
        emit(EventLog.GIL_TAKEN, now(), lane, task, 0);
    }

    /** The thread releases the GIL (a sleep, a blocking wait, its end, or a forced drop). */
    public void gilReleased(int lane, int task) {
        emit(EventLog.GIL_RELEASED, now(), lane, task, 0);
    }

    /**
     * Event loop: pass {@code pass} begins and runs {@code ready} callbacks; {@code timers} are armed and not due.
     * One event per pass, not per callback: the callbacks are told by the events they cause.
     */
    public void loopPass(int pass, int ready, int timers) {
        emit(EventLog.LOOP_PASS, now(), 0, pass, ((long) ready << 32) | (timers & 0xFFFFFFFFL));
    }

    /** The task starts waiting for a unit of its limit (a semaphore), on {@code lane}. */
    public void limitWait(int task, int lane) {
        emit(EventLog.LIMIT_WAIT, now(), lane, task, graph.limit(task));
    }

    /** The task gets a unit of its limit, on {@code lane}; it holds it until it finishes. */
    public void limitTaken(int task, int lane) {
        emit(EventLog.LIMIT_TAKEN, now(), lane, task, graph.limit(task));
    }

    public void finished(int task, int lane, long atNanos) {
        facts[task * FACTS + STATE] = TaskState.FINISHED.ordinal();
        facts[task * FACTS + END] = atNanos;
        lastFinishNanos = Math.max(lastFinishNanos, atNanos);
        emit(EventLog.TASK_FINISHED, atNanos, lane, task, 0);
    }

    public void finished(int task, int lane) {
        finished(task, lane, now());
    }

    public boolean isFinished(int task) {
        return state(task) == TaskState.FINISHED;
    }

    /** Marks every task that has not finished as cancelled; a task that was working keeps its lane. */
    public void cancelUnfinished() {
        long now = now();
        stopNanos = now;
        for (int task = 0; task < graph.size(); task++) {
            if (state(task) == TaskState.PENDING) {
                int at = task * FACTS;
                facts[at + STATE] = TaskState.CANCELLED.ordinal();
                facts[at + END] = facts[at + START] == TaskTiming.ABSENT ? TaskTiming.ABSENT : now;
                emit(EventLog.TASK_CANCELLED, now, lane(task), task, 0);
            }
        }
    }

    public void runFinished(RunStatus status, String reason) {
        emitWhole(new RunEvent.RunFinished(seq, now(), RunEvent.NO_LANE, status, reason));
    }

    /** Time of the last task finish, or of the stop for a run that was stopped. */
    public long makespanNanos() {
        return stopNanos == TaskTiming.ABSENT ? lastFinishNanos : Math.max(lastFinishNanos, stopNanos);
    }

    /** Every event in sequence order, rebuilt on access; empty if the run keeps no events. */
    public List<RunEvent> events() {
        return log == null ? List.of() : log;
    }

    public long eventCount() {
        return seq;
    }

    /**
     * Every task's times, in declaration order. Call once the run is over: it settles each task's ready time
     * and returns a view that builds each {@link TaskTiming} on access from arrays that no longer change, so a
     * million-task result holds no million records.
     */
    public List<TaskTiming> timings() {
        for (int task = 0; task < graph.size(); task++) {
            facts[task * FACTS + READY] = readyNanos(task);
        }
        return new Timings();
    }

    private final class Timings extends AbstractList<TaskTiming> implements RandomAccess {

        @Override
        public int size() {
            return graph.size();
        }

        @Override
        public TaskTiming get(int task) {
            Objects.checkIndex(task, graph.size());
            int at = task * FACTS;
            return new TaskTiming(
                    graph.id(task),
                    graph.kind(task),
                    lane(task),
                    state(task),
                    facts[at + READY],
                    facts[at + START],
                    facts[at + END],
                    facts[at + DUE],
                    facts[at + CALLBACK],
                    facts[at + RESUMED]);
        }
    }

    private long readyNanos(int task) {
        long ready = 0;
        for (int k = 0; k < graph.dependencyCount(task); k++) {
            long end = facts[graph.dependency(task, k) * FACTS + END];
            if (end == TaskTiming.ABSENT) {
                return TaskTiming.ABSENT;
            }
            ready = Math.max(ready, end);
        }
        return ready;
    }

    private int lane(int task) {
        return (int) facts[task * FACTS + LANE];
    }

    private TaskState state(int task) {
        return STATES[(int) facts[task * FACTS + STATE]];
    }

    /** A run-level event: built whole, since it carries text, and kept whole. */
    private void emitWhole(RunEvent event) {
        seq++;
        if (log != null) {
            log.appendWhole(event);
        }
        if (outlet != null) {
            outlet.accept(event);
        }
    }

    private void emit(byte code, long atNanos, int lane, int task, long extra) {
        long eventSeq = seq++;
        if (log != null) {
            log.append(code, atNanos, lane, task, extra);
        }
        if (outlet != null) {
            outlet.accept(EventLog.taskEvent(graph, eventSeq, code, atNanos, lane, task, extra));
        }
    }
}
