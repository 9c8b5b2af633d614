package dev.interleave.service.run;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.service.ServiceException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Admission control: at most {@code maxConcurrent} jobs execute at once; the rest wait in a bounded FIFO queue.
 * An owner may have at most {@code perOwnerConcurrent} jobs executing and {@code perOwnerQueued} waiting; a job
 * whose owner is at its limit is passed over (FIFO is kept per owner). A job runs on a keeper thread of its own,
 * never on a Vert.x thread.
 *
 * <p>Admission has two steps so nothing is persisted for a refused run: {@link #reserve} claims a queue place
 * (or throws {@link ServiceException.Busy}), the caller saves the run, then {@link #activate} makes the job
 * eligible (or {@link #abandon} gives the place back). All state is guarded by {@code this}.
 */
@ApplicationScoped
public class RunAdmission {

    private static final Logger LOG = Logger.getLogger(RunAdmission.class);

    /** A place in the queue. {@code body} is null until activated. */
    public static final class Ticket {
        private final String key;
        private final String ownerId;
        private Runnable body;

        private Ticket(String key, String ownerId) {
            this.key = key;
            this.ownerId = ownerId;
        }
    }

    private final int maxConcurrent;
    private final int queueSize;
    private final int perOwnerConcurrent;
    private final int perOwnerQueued;
    private final Duration retryAfter;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private final Map<String, Integer> runningByOwner = new HashMap<>();
    private int running;
    private final AtomicLong keeperIds = new AtomicLong();
    private final ExecutorService keepers = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "interleave-keeper-" + keeperIds.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Inject
    RunAdmission(PlaygroundConfig config, MeterRegistry registry) {
        this(
                config.maxConcurrentRuns(),
                config.runs().queueSize(),
                config.runs().perOwnerConcurrent(),
                config.runs().perOwnerQueued(),
                config.runs().retryAfter());
        registry.gauge("interleave.runs.queued", this, RunAdmission::queued);
        registry.gauge("interleave.runs.admitted", this, RunAdmission::running);
    }

    RunAdmission(int maxConcurrent, int queueSize, int perOwnerConcurrent, int perOwnerQueued, Duration retryAfter) {
        this.maxConcurrent = maxConcurrent;
        this.queueSize = queueSize;
        this.perOwnerConcurrent = perOwnerConcurrent;
        this.perOwnerQueued = perOwnerQueued;
        this.retryAfter = retryAfter;
    }

    /** Claims a queue place for a job of {@code ownerId} named {@code key} (a run or comparison id). */
    public synchronized Ticket reserve(String key, String ownerId) {
        if (queue.size() >= queueSize) {
            throw new ServiceException.Busy(
                    "the run queue is full (" + queueSize + " waiting); try again later", retryAfter);
        }
        long mine = queue.stream().filter(t -> t.ownerId.equals(ownerId)).count();
        if (mine >= perOwnerQueued) {
            throw new ServiceException.Busy(
                    "you already have " + mine + " runs waiting (the limit is " + perOwnerQueued
                            + "); try again when one has started",
                    retryAfter);
        }
        var ticket = new Ticket(key, ownerId);
        queue.addLast(ticket);
        return ticket;
    }

    /** Makes a reserved job eligible to run; it starts at once if a slot is free. */
    public synchronized void activate(Ticket ticket, Runnable body) {
        ticket.body = body;
        dispatch();
    }

    public synchronized void abandon(Ticket ticket) {
        queue.remove(ticket);
        dispatch();
    }

    /** Removes a waiting job; false if it is not waiting (already started, finished or unknown). */
    public synchronized boolean removeQueued(String key) {
        boolean removed = queue.removeIf(t -> t.key.equals(key));
        if (removed) {
            dispatch();
        }
        return removed;
    }

    public synchronized int queued() {
        return queue.size();
    }

    public synchronized int running() {
        return running;
    }

    /** Starts eligible jobs, oldest first, while slots are free. */
    private void dispatch() {
        Iterator<Ticket> it = queue.iterator();
        while (running < maxConcurrent && it.hasNext()) {
            Ticket t = it.next();
            if (t.body != null && runningByOwner.getOrDefault(t.ownerId, 0) < perOwnerConcurrent) {
                it.remove();
                running++;
                runningByOwner.merge(t.ownerId, 1, Integer::sum);
                keepers.execute(() -> runThenRelease(t));
            }
        }
    }

    private void runThenRelease(Ticket t) {
        try {
            t.body.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s failed unexpectedly", t.key);
        } finally {
            release(t);
        }
    }

    private synchronized void release(Ticket t) {
        running--;
        runningByOwner.computeIfPresent(t.ownerId, (k, n) -> n == 1 ? null : n - 1);
        dispatch();
    }

    @PreDestroy
    void close() {
        keepers.shutdown();
    }
}
