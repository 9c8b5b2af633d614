package dev.interleave.engine;

import dev.interleave.engine.clock.StopSignal;
import java.util.concurrent.CompletableFuture;

/**
 * A real run in progress. Its prediction is known at once; its measured result completes when the run ends,
 * however it ends (the future never completes exceptionally for a stopped run: see {@link RunResult#status()}).
 */
public final class RunHandle {

    private final RunResult prediction;
    private final CompletableFuture<RunResult> outcome;
    private final StopSignal stop;

    RunHandle(RunResult prediction, CompletableFuture<RunResult> outcome, StopSignal stop) {
        this.prediction = prediction;
        this.outcome = outcome;
        this.stop = stop;
    }

    /** The same graph and scheduler in virtual time. */
    public RunResult prediction() {
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
