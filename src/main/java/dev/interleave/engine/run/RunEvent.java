package dev.interleave.engine.run;

import java.util.Objects;

/**
 * One thing that happened during a run. Every event has a sequence number (0, 1, 2, ... in emission order), a
 * time in nanoseconds since the run started on the run's clock, and a lane ({@link #NO_LANE} when the event
 * belongs to no lane, e.g. a task becoming ready).
 *
 * <p>Times follow the lane: on one lane they never decrease. A parallel run's events are emitted by its
 * coordinator, so a {@link TaskFinished} may carry a worker's finish time a little earlier than the coordinator
 * event before it.
 */
public sealed interface RunEvent {

    int NO_LANE = -1;

    long seq();

    long nanos();

    int lane();

    /** The task this event is about, or null for run-level events. */
    default String task() {
        return null;
    }

    /** The stable wire name of this event type, e.g. {@code timer_due}. */
    default String type() {
        return EventTypes.nameOf(this);
    }

    /** @param scheduler wire name of the scheduler; @param lanes how many lanes the timeline has */
    record RunStarted(long seq, long nanos, int lane, String scheduler, int lanes, boolean virtual)
            implements RunEvent {}

    /** Sequential/parallel: the task's last dependency finished; it joined the ready queue. */
    record TaskReady(long seq, long nanos, int lane, String task) implements RunEvent {
        public TaskReady {
            Objects.requireNonNull(task);
        }
    }

    /** Event loop: {@code create_task} scheduled the task's first step. */
    record TaskCreated(long seq, long nanos, int lane, String task) implements RunEvent {
        public TaskCreated {
            Objects.requireNonNull(task);
        }
    }

    /** Event loop: the task's first step runs (it starts awaiting its dependencies). */
    record TaskStarted(long seq, long nanos, int lane, String task) implements RunEvent {
        public TaskStarted {
            Objects.requireNonNull(task);
        }
    }

    /** The task starts holding its lane: CPU work, a blocking call, or (off the event loop) a wait. */
    record WorkStarted(long seq, long nanos, int lane, String task) implements RunEvent {
        public WorkStarted {
            Objects.requireNonNull(task);
        }
    }

    /** Event loop: an io task called {@code asyncio.sleep}; its timer is due at {@code dueNanos}. */
    record TimerArmed(long seq, long nanos, int lane, String task, long dueNanos) implements RunEvent {
        public TimerArmed {
            Objects.requireNonNull(task);
        }
    }

    /**
     * Event loop: the loop saw the task's timer due and moved its callback to the ready queue. {@code nanos} is
     * when the loop looked; {@code dueNanos} is when the timer was due. The gap is a stall.
     */
    record TimerDue(long seq, long nanos, int lane, String task, long dueNanos) implements RunEvent {
        public TimerDue {
            Objects.requireNonNull(task);
        }
    }

    /** Event loop: the timer's callback ran and completed the sleep's future (the task resumes one hop later). */
    record TimerCallbackRun(long seq, long nanos, int lane, String task) implements RunEvent {
        public TimerCallbackRun {
            Objects.requireNonNull(task);
        }
    }

    /** Event loop: the task resumed, after {@code awaited} finished, or after its sleep when that is null. */
    record TaskResumed(long seq, long nanos, int lane, String task, String awaited) implements RunEvent {
        public TaskResumed {
            Objects.requireNonNull(task);
        }
    }

    record TaskFinished(long seq, long nanos, int lane, String task) implements RunEvent {
        public TaskFinished {
            Objects.requireNonNull(task);
        }
    }

    record TaskFailed(long seq, long nanos, int lane, String task, String reason) implements RunEvent {
        public TaskFailed {
            Objects.requireNonNull(task);
        }
    }

    /** The run stopped before this task finished; {@code lane} is where it was working, if anywhere. */
    record TaskCancelled(long seq, long nanos, int lane, String task) implements RunEvent {
        public TaskCancelled {
            Objects.requireNonNull(task);
        }
    }

    /**
     * Threads models: a thread becomes ready to run Python code but another thread holds the GIL. {@code lane} is
     * the thread's lane ({@link #NO_LANE} for the main thread of a threads run); {@code task} is the task the
     * thread works for, or null for its own bookkeeping (the main thread submitting, a worker taking from the
     * queue).
     */
    record GilWait(long seq, long nanos, int lane, String task) implements RunEvent {}

    /** Threads models: the thread takes the GIL (lane and task as for {@link GilWait}). */
    record GilTaken(long seq, long nanos, int lane, String task) implements RunEvent {}

    /** Threads models: the thread releases the GIL: it sleeps, blocks, ends, or is forced to drop it. */
    record GilReleased(long seq, long nanos, int lane, String task) implements RunEvent {}

    /** The task starts waiting for a unit of the named limit (a semaphore), on the lane it holds while waiting. */
    record LimitWait(long seq, long nanos, int lane, String task, String limit) implements RunEvent {
        public LimitWait {
            Objects.requireNonNull(task);
            Objects.requireNonNull(limit);
        }
    }

    /** The task gets a unit of the named limit (at once or after a {@link LimitWait}); it keeps it until it ends. */
    record LimitTaken(long seq, long nanos, int lane, String task, String limit) implements RunEvent {
        public LimitTaken {
            Objects.requireNonNull(task);
            Objects.requireNonNull(limit);
        }
    }

    /**
     * Event loop: a {@code _run_once} pass begins, after due timers moved to the ready deque. {@code pass} counts
     * passes that run something (0, 1, ...); {@code ready} is how many callbacks the pass runs (the deque's length
     * now: callbacks scheduled during the pass wait for the next one); {@code timers} is how many timers are still
     * armed and not yet due. A pass that finds nothing ready emits nothing.
     */
    record LoopPass(long seq, long nanos, int lane, int pass, int ready, int timers) implements RunEvent {}

    /** The last event of every run. */
    record RunFinished(long seq, long nanos, int lane, RunStatus status, String reason) implements RunEvent {
        public RunFinished {
            Objects.requireNonNull(status);
        }
    }
}
