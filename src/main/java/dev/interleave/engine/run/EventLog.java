package dev.interleave.engine.run;

import dev.interleave.engine.graph.TaskGraph;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Every event of a run, kept as columns of primitives in fixed-size blocks rather than as objects: a million-task
 * simulation emits millions of events, and as records they would take twice the memory and keep the garbage
 * collector copying them. {@link #get} rebuilds the record on demand, equal to the one that was emitted.
 *
 * <p>Invariants: event {@code i} has sequence number {@code i} (the log keeps every event of its run, in
 * order); blocks are never copied or moved once allocated; only the run's thread appends, and readers look
 * only after the run finished (the run's result is published to them by the thread that finished it).
 */
final class EventLog extends AbstractList<RunEvent> implements RandomAccess {

    /** 16,384 events a block: a block's long column (128 KB) stays far below the G1 humongous-object size. */
    private static final int BLOCK_BITS = 14;

    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int MASK = BLOCK - 1;

    /** What each event is; {@link #taskEvent} turns a code back into its record type. */
    static final byte RUN_STARTED = 0;

    static final byte TASK_READY = 1;
    static final byte TASK_CREATED = 2;
    static final byte TASK_STARTED = 3;
    static final byte WORK_STARTED = 4;
    static final byte TIMER_ARMED = 5;
    static final byte TIMER_DUE = 6;
    static final byte TIMER_CALLBACK = 7;
    static final byte TASK_RESUMED = 8;
    static final byte TASK_FINISHED = 9;
    static final byte TASK_CANCELLED = 10;
    static final byte RUN_FINISHED = 11;
    static final byte GIL_WAIT = 12;
    static final byte GIL_TAKEN = 13;
    static final byte GIL_RELEASED = 14;
    static final byte LIMIT_WAIT = 15;
    static final byte LIMIT_TAKEN = 16;
    /** A loop pass: its number in the task column, (ready << 32 | timers) in the extra column. */
    static final byte LOOP_PASS = 17;

    private final TaskGraph graph;
    private byte[][] codes = new byte[0][];
    private long[][] nanos = new long[0][];
    private byte[][] lanes = new byte[0][];
    private int[][] tasks = new int[0][];
    /**
     * Per event: a timer's due time, the index of the dependency a resumed task awaited (-1: its sleep), or the
     * index of a limit.
     */
    private long[][] extras = new long[0][];

    private int size;
    /** The run-level events, kept whole: they carry text. */
    private RunEvent.RunStarted runStarted;

    private RunEvent.RunFinished runFinished;

    EventLog(TaskGraph graph) {
        this.graph = graph;
    }

    /** Appends a task event; {@code lane} is -1..63, as the engine's lanes are. */
    void append(byte code, long atNanos, int lane, int task, long extra) {
        int block = size >>> BLOCK_BITS;
        if (block == codes.length) {
            grow();
        }
        int slot = size & MASK;
        codes[block][slot] = code;
        nanos[block][slot] = atNanos;
        lanes[block][slot] = (byte) lane;
        tasks[block][slot] = task;
        extras[block][slot] = extra;
        size++;
    }

    /** Appends a run-level event, kept whole. */
    void appendWhole(RunEvent event) {
        byte code = switch (event) {
            case RunEvent.RunStarted started -> {
                runStarted = started;
                yield RUN_STARTED;
            }
            case RunEvent.RunFinished finished -> {
                runFinished = finished;
                yield RUN_FINISHED;
            }
            default -> throw new IllegalArgumentException("not a run-level event: " + event);
        };
        append(code, event.nanos(), event.lane(), -1, 0);
    }

    private void grow() {
        int blocks = codes.length + 1;
        codes = Arrays.copyOf(codes, blocks);
        nanos = Arrays.copyOf(nanos, blocks);
        lanes = Arrays.copyOf(lanes, blocks);
        tasks = Arrays.copyOf(tasks, blocks);
        extras = Arrays.copyOf(extras, blocks);
        codes[blocks - 1] = new byte[BLOCK];
        nanos[blocks - 1] = new long[BLOCK];
        lanes[blocks - 1] = new byte[BLOCK];
        tasks[blocks - 1] = new int[BLOCK];
        extras[blocks - 1] = new long[BLOCK];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public RunEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        int block = index >>> BLOCK_BITS;
        int slot = index & MASK;
        byte code = codes[block][slot];
        if (code == RUN_STARTED) {
            return runStarted;
        }
        if (code == RUN_FINISHED) {
            return runFinished;
        }
        return taskEvent(
                graph, index, code, nanos[block][slot], lanes[block][slot], tasks[block][slot], extras[block][slot]);
    }

    /** The record of one task event; also how the timeline builds events for a live outlet. */
    static RunEvent taskEvent(TaskGraph graph, long seq, byte code, long atNanos, int lane, int task, long extra) {
        if (code == LOOP_PASS) {
            return new RunEvent.LoopPass(seq, atNanos, lane, task, (int) (extra >>> 32), (int) extra);
        }
        String id = task < 0 ? null : graph.id(task);
        return switch (code) {
            case TASK_READY -> new RunEvent.TaskReady(seq, atNanos, lane, id);
            case TASK_CREATED -> new RunEvent.TaskCreated(seq, atNanos, lane, id);
            case TASK_STARTED -> new RunEvent.TaskStarted(seq, atNanos, lane, id);
            case WORK_STARTED -> new RunEvent.WorkStarted(seq, atNanos, lane, id);
            case TIMER_ARMED -> new RunEvent.TimerArmed(seq, atNanos, lane, id, extra);
            case TIMER_DUE -> new RunEvent.TimerDue(seq, atNanos, lane, id, extra);
            case TIMER_CALLBACK -> new RunEvent.TimerCallbackRun(seq, atNanos, lane, id);
            case TASK_RESUMED ->
                new RunEvent.TaskResumed(seq, atNanos, lane, id, extra < 0 ? null : graph.id((int) extra));
            case TASK_FINISHED -> new RunEvent.TaskFinished(seq, atNanos, lane, id);
            case TASK_CANCELLED -> new RunEvent.TaskCancelled(seq, atNanos, lane, id);
            case GIL_WAIT -> new RunEvent.GilWait(seq, atNanos, lane, id);
            case GIL_TAKEN -> new RunEvent.GilTaken(seq, atNanos, lane, id);
            case GIL_RELEASED -> new RunEvent.GilReleased(seq, atNanos, lane, id);
            case LIMIT_WAIT -> new RunEvent.LimitWait(seq, atNanos, lane, id, graph.limitName((int) extra));
            case LIMIT_TAKEN -> new RunEvent.LimitTaken(seq, atNanos, lane, id, graph.limitName((int) extra));
            default -> throw new IllegalStateException("not a task event: " + code);
        };
    }
}
