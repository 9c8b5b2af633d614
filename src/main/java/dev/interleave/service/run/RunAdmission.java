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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Admission control: at most {@code maxConcurrent} jobs execute at once; the rest wait in a bounded queue of
 * {@code queueSize} places. A job takes one place per run it executes (a comparison of 8 schedulers takes 8).
 *
 * <p>Limits, each checked when a place is reserved: an owner may hold {@code perOwnerQueued} places and run
 * {@code perOwnerConcurrent} jobs at once; a client address may hold its share of the queue
 * ({@code addressQueueShare} of it, never less than one owner's limit). Owners are cheap to mint, addresses are
 * not, so the address share is what keeps one client from filling the queue; it is a share and not a low cap
 * because a whole class behind one school NAT has one address.
 *
 * <p>Dispatch is fair across addresses: a free slot goes to the eligible job whose address has the fewest jobs
 * executing, then the one served longest ago, then the oldest job (FIFO within an address).
 *
 * <p>Admission has two steps so nothing is persisted for a refused run: {@link #reserve} claims the places
 * (or throws {@link ServiceException.Busy}), the caller saves the run, then {@link #activate} makes the job
 * eligible (or {@link #abandon} gives the places back). All state is guarded by {@code this}.
 */
@ApplicationScoped
public class RunAdmission {

    private static final Logger LOG = Logger.getLogger(RunAdmission.class);

    /** Who asks for a job: its owner, its client address and how many runs it executes (its queue places). */
    public record Claim(String ownerId, String address, int places) {
        public Claim {
            java.util.Objects.requireNonNull(ownerId, "ownerId");
            java.util.Objects.requireNonNull(address, "address");
            if (places < 1) {
                throw new IllegalArgumentException("places must be at least 1, was " + places);
            }
        }
    }

    /** A place in the queue. {@code body} is null until activated. */
    public static final class Ticket {
        private final String key;
        private final Claim claim;
        private Runnable body;

        private Ticket(String key, Claim claim) {
            this.key = key;
            this.claim = claim;
        }
    }

    private final int maxConcurrent;
    private final int queueSize;
    private final int perOwnerConcurrent;
    private final int perOwnerQueued;
    private final int perAddressQueued;
    private final Duration retryAfter;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private final Map<String, Integer> runningByOwner = new HashMap<>();
    private final Map<String, Integer> runningByAddress = new HashMap<>();
    /** Dispatch sequence number of each address's latest start: the round-robin order across addresses. */
    private final Map<String, Long> servedAt = new HashMap<>();

    private long dispatches;
    private int queuedPlaces;
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
                config.runs().perAddressQueueShare(),
                config.runs().retryAfter());
        registry.gauge("interleave.runs.queued", this, RunAdmission::queued);
        registry.gauge("interleave.runs.admitted", this, RunAdmission::running);
    }

    RunAdmission(
            int maxConcurrent,
            int queueSize,
            int perOwnerConcurrent,
            int perOwnerQueued,
            double addressQueueShare,
            Duration retryAfter) {
        if (!(addressQueueShare > 0 && addressQueueShare <= 1)) {
            throw new IllegalArgumentException("the address queue share must be in (0, 1], was " + addressQueueShare);
        }
        this.maxConcurrent = maxConcurrent;
        this.queueSize = queueSize;
        this.perOwnerConcurrent = perOwnerConcurrent;
        this.perOwnerQueued = perOwnerQueued;
        this.perAddressQueued = Math.max(perOwnerQueued, (int) Math.ceil(queueSize * addressQueueShare));
        this.retryAfter = retryAfter;
    }

    /** Claims {@code claim.places()} queue places for a job named {@code key} (a run or comparison id). */
    public synchronized Ticket reserve(String key, Claim claim) {
        int places = claim.places();
        if (queuedPlaces + places > queueSize) {
            throw busy("the run queue is full (" + queuedPlaces + " of " + queueSize + " places taken)");
        }
        int owners = placesOf(claim.ownerId(), null);
        if (owners + places > perOwnerQueued) {
            throw busy("you already have " + owners + " runs waiting (the limit is " + perOwnerQueued + ")");
        }
        int address = placesOf(null, claim.address());
        if (address + places > perAddressQueued) {
            throw busy("your network already has " + address + " runs waiting (its share of the queue is "
                    + perAddressQueued + ")");
        }
        var ticket = new Ticket(key, claim);
        queue.addLast(ticket);
        queuedPlaces += places;
        return ticket;
    }

    /** Makes a reserved job eligible to run; it starts at once if a slot is free. */
    public synchronized void activate(Ticket ticket, Runnable body) {
        ticket.body = body;
        dispatch();
    }

    public synchronized void abandon(Ticket ticket) {
        if (queue.remove(ticket)) {
            queuedPlaces -= ticket.claim.places();
        }
        dispatch();
    }

    /** Removes a waiting job; false if it is not waiting (already started, finished or unknown). */
    public synchronized boolean removeQueued(String key) {
        Ticket found = queue.stream().filter(t -> t.key.equals(key)).findFirst().orElse(null);
        if (found == null) {
            return false;
        }
        queue.remove(found);
        queuedPlaces -= found.claim.places();
        dispatch();
        return true;
    }

    /** Queue places taken (a comparison counts once per run). */
    public synchronized int queued() {
        return queuedPlaces;
    }

    public synchronized int running() {
        return running;
    }

    private ServiceException.Busy busy(String why) {
        return new ServiceException.Busy(why + "; try again later", retryAfter);
    }

    /** Places waiting for {@code ownerId}, or for {@code address} when the owner is null. */
    private int placesOf(String ownerId, String address) {
        int places = 0;
        for (Ticket t : queue) {
            if (ownerId != null
                    ? t.claim.ownerId().equals(ownerId)
                    : t.claim.address().equals(address)) {
                places += t.claim.places();
            }
        }
        return places;
    }

    /** Starts eligible jobs, fairly across addresses (see the class comment), while slots are free. */
    private void dispatch() {
        while (running < maxConcurrent) {
            Ticket next = null;
            for (Ticket t : queue) {
                if (eligible(t) && (next == null || fairer(t, next))) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            start(next);
        }
    }

    private boolean eligible(Ticket t) {
        return t.body != null && runningByOwner.getOrDefault(t.claim.ownerId(), 0) < perOwnerConcurrent;
    }

    /** Whether {@code t} goes before {@code best}, a ticket queued earlier. */
    private boolean fairer(Ticket t, Ticket best) {
        int busy = runningByAddress.getOrDefault(t.claim.address(), 0);
        int bestBusy = runningByAddress.getOrDefault(best.claim.address(), 0);
        if (busy != bestBusy) {
            return busy < bestBusy;
        }
        return servedAt.getOrDefault(t.claim.address(), -1L) < servedAt.getOrDefault(best.claim.address(), -1L);
    }

    private void start(Ticket t) {
        queue.remove(t);
        queuedPlaces -= t.claim.places();
        running++;
        runningByOwner.merge(t.claim.ownerId(), 1, Integer::sum);
        runningByAddress.merge(t.claim.address(), 1, Integer::sum);
        servedAt.put(t.claim.address(), ++dispatches);
        keepers.execute(() -> runThenRelease(t));
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
        runningByOwner.computeIfPresent(t.claim.ownerId(), (k, n) -> n == 1 ? null : n - 1);
        runningByAddress.computeIfPresent(t.claim.address(), (k, n) -> n == 1 ? null : n - 1);
        if (!runningByAddress.containsKey(t.claim.address())
                && queue.stream().noneMatch(q -> q.claim.address().equals(t.claim.address()))) {
            servedAt.remove(t.claim.address()); // an address with nothing here leaves no trace
        }
        dispatch();
    }

    @PreDestroy
    void close() {
        keepers.shutdown();
    }
}
