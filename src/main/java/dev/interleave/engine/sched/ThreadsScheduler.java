package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.run.Timeline;

/**
 * A deterministic model of CPython 3.11 running the graph on a {@code ThreadPoolExecutor(workers)}: the main thread
 * submits each task when its last dependency completes (tasks ready together in declaration order) and waits for
 * completions; io and blocking_io are {@code time.sleep} (which releases the GIL), cpu burns while holding it.
 *
 * <p>The parts, one job each: {@link Gil} (rules G1–G6 and the 5 ms switch interval, on {@link GilRules}),
 * {@link PoolQueue} (the pool's SimpleQueue hand-offs), {@link ThreadSemaphores} (limits), {@link CpuShares}
 * (cpu without the GIL) and {@link ThreadsModel}, which drives them from one event heap and one agenda.
 *
 * <p>Without the GIL ({@code gil: false}, a model of a free-threaded build, not checked against one) a thread runs
 * as soon as it is woken and cpu work shares {@code cores} cores equally among the threads computing.
 *
 * <p>Under a {@link dev.interleave.engine.clock.SystemClock} the same model runs in real time on one thread: it
 * waits for real until the next event, and burns real CPU while the model's GIL holder computes.
 */
public final class ThreadsScheduler implements Scheduler {

    /** CPython's default {@code sys.getswitchinterval()}. */
    public static final long SWITCH_INTERVAL_NANOS = Gil.SWITCH_INTERVAL_NANOS;

    private final SchedulerSpec.Threads spec;
    private boolean used;

    ThreadsScheduler(SchedulerSpec.Threads spec) {
        this.spec = spec;
    }

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        if (used) {
            throw new IllegalStateException("a ThreadsScheduler runs one graph once");
        }
        used = true;
        new ThreadsModel(spec, timeline, clock, stop).run();
    }
}
