package dev.interleave.service.live;

import dev.interleave.service.view.RunView;

/** Receives one run's events live. Called with the run's hub lock held: implementations must not block. */
public interface RunWatcher {

    void onEvents(EventBatch batch);

    /** The run ended and everything about it is saved; no more batches follow. */
    void onFinished();

    /** As {@link #onFinished()}; {@code finalRun} is the run as saved when its keeper has it, else null. */
    default void onFinished(RunView finalRun) {
        onFinished();
    }
}
