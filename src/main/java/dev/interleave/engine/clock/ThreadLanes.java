package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Real lanes: one platform thread per lane, each taking one task at a time from its own mailbox and reporting
 * to a shared completion queue that the scheduler's thread drains.
 */
final class ThreadLanes implements Lanes {

    /** How often idle threads look at the stop signal; bounds how late a stop is noticed while idle. */
    private static final long POLL_MILLIS = 5;

    private final Clock clock;
    private final StopSignal stop;
    private final List<BlockingQueue<Work>> mailboxes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<Lanes.Completion> completions = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    ThreadLanes(Clock clock, int count, StopSignal stop, ThreadFactory factory) {
        this.clock = clock;
        this.stop = stop;
        for (int lane = 0; lane < count; lane++) {
            var mailbox = new ArrayBlockingQueue<Work>(1);
            mailboxes.add(mailbox);
            int laneIndex = lane;
            Thread thread = factory.newThread(() -> work(laneIndex, mailbox));
            threads.add(thread);
            thread.start();
        }
    }

    private void work(int lane, BlockingQueue<Work> mailbox) {
        try {
            while (!closed) {
                Work work = mailbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (work != null) {
                    boolean completed = clock.occupy(work.kind(), work.durationNanos(), stop);
                    completions.add(new Lanes.Completion(lane, work.task(), clock.nanos(), completed));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start(int lane, int task, TaskKind kind, long durationNanos) {
        if (!mailboxes.get(lane).offer(new Work(task, kind, durationNanos))) {
            throw new IllegalStateException("lane " + lane + " is busy");
        }
    }

    @Override
    public List<Lanes.Completion> awaitCompletions() {
        var done = new ArrayList<Lanes.Completion>();
        try {
            Lanes.Completion first = null;
            while (first == null && !stop.isStopped()) {
                first = completions.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (first == null) {
                return List.of();
            }
            done.add(first);
            completions.drainTo(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop(StopSignal.Reason.CANCELLED);
        }
        done.sort(Comparator.comparingLong(Lanes.Completion::endNanos).thenComparingInt(Lanes.Completion::lane));
        return done;
    }

    /** One task handed to a lane's thread. */
    private record Work(int task, TaskKind kind, long durationNanos) {}

    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }
}
