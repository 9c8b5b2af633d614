package dev.interleave.engine;

import dev.interleave.engine.clock.StopSignal;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A real run in progress. Its prediction is simulated when first asked for (a caller that predicted the run
 * itself never pays for a second simulation); its measured result completes when the run ends, however it ends (the future never completes exceptionally for a stopped run: see {@link RunResult#status()}).
 */
public final class RunHandle {

    private final Supplier<RunResult> simulation;
    private final CompletableFuture<RunResult> outcome;
    private final StopSignal stop;
    /** Null until {@link #prediction} is first called; guarded by {@code this}. */
    private RunResult prediction;

    RunHandle(Supplier<RunResult> simulation, CompletableFuture<RunResult> outcome, StopSignal stop) {
        this.simulation = simulation;
        this.outcome = outcome;
        this.stop = stop;
    }

    /** The same graph and scheduler in virtual time, simulated on the calling thread the first time. */
    public synchronized RunResult prediction() {
        if (prediction == null) {
            prediction = simulation.get();
        }
        return prediction;
    }

    public CompletableFuture<RunResult> outcome() {
        return outcome;
    }

    /** Asks the run to stop; CPU work stops within about 10 ms. Returns false if it was already stopping. */
    public boolean cancel() {
        return stop.stop(StopSignal.Reason.CANCELLED);
    }
}
