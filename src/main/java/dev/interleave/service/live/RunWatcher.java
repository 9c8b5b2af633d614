package dev.interleave.service.live;

/** Receives one run's events live. Called with the run's hub lock held: implementations must not block. */
public interface RunWatcher {

    void onEvents(EventBatch batch);

    /** The run ended and everything about it is saved; no more batches follow. */
    void onFinished();
}
