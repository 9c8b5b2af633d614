package dev.interleave.engine;

import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunListener;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Moves events from the scheduler's thread to a listener on a thread of its own. The scheduler side only
 * appends to a lock-free queue, so a slow listener never slows the run; it only lets the queue grow (bounded by
 * the graph's size, since a run emits a bounded number of events per task).
 */
final class EventDispatcher implements Consumer<RunEvent>, Runnable {

    /** Longest a delivery waits after its event was emitted; trades idle wake-ups for latency. */
    private static final long IDLE_PARK_NANOS = 1_000_000;
    /**
     * Pause after each delivery, so that a busy run's events reach the listener in a few large batches rather
     * than thousands of tiny ones (each batch becomes frames for every WebSocket watcher). Bounds the added
     * latency of an event; the run's last event wakes the dispatcher at once.
     */
    private static final long BATCH_WINDOW_NANOS = 20_000_000;
    /** Largest batch handed to the listener at once. */
    private static final int MAX_BATCH = 5_000;

    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final RunListener listener;
    // Set by the run's thread when the run died before emitting RunFinished.
    private volatile boolean abandoned;
    /** The delivering thread, once it runs: woken for the last event, so the end of a run is not batched. */
    private volatile Thread delivering;

    EventDispatcher(RunListener listener) {
        this.listener = listener;
    }

    @Override
    public void accept(RunEvent event) {
        queue.offer(event);
        if (event instanceof RunEvent.RunFinished) {
            wake();
        }
    }

    /** Tells the dispatcher to deliver what is queued and stop, though no {@link RunEvent.RunFinished} came. */
    void abandon() {
        abandoned = true;
        wake();
    }

    private void wake() {
        var thread = delivering;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Delivers until it has delivered {@link RunEvent.RunFinished}, or everything queued once abandoned. */
    @Override
    public void run() {
        delivering = Thread.currentThread();
        boolean finished = false;
        var batch = new ArrayList<RunEvent>();
        while (!finished) {
            RunEvent event;
            while (batch.size() < MAX_BATCH && (event = queue.poll()) != null) {
                batch.add(event);
                finished |= event instanceof RunEvent.RunFinished;
            }
            if (batch.isEmpty()) {
                if (abandoned) {
                    return;
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                continue;
            }
            deliver(batch);
            batch = new ArrayList<>();
            if (!finished) {
                LockSupport.parkNanos(BATCH_WINDOW_NANOS);
            }
        }
    }

    private void deliver(ArrayList<RunEvent> batch) {
        try {
            listener.onEvents(java.util.Collections.unmodifiableList(batch));
        } catch (RuntimeException e) {
            // A failing listener loses its own events; the run and other listeners are unaffected.
        }
    }
}
