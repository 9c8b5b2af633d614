package dev.interleave.service.run;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many simulations a client address may ask for: a token bucket per address ({@code burst} at most, refilled
 * at {@code perSecond}). Simulations need no queue place, so without it one client could keep every worker thread
 * busy. A rate, not a low cap, as a class behind one school NAT shares an address. Guarded by {@code this}.
 */
@ApplicationScoped
public class SimulationQuota {

    /** Buckets kept before full (idle) ones are forgotten: bounds the memory a stream of addresses can take. */
    private static final int MAX_TRACKED = 10_000;

    private static final class Bucket {
        double tokens;
        long atNanos;
    }

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new HashMap<>();

    @Inject
    SimulationQuota(PlaygroundConfig config) {
        this(config.simulate().perAddressPerSecond(), config.simulate().perAddressBurst(), System::nanoTime);
    }

    SimulationQuota(double perSecond, int burst, LongSupplier nanos) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, were " + perSecond + ", " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Spends {@code simulations} of {@code address}'s budget, or refuses (429) with when to try again. */
    public synchronized void spend(String address, int simulations) {
        long now = nanos.getAsLong();
        var bucket = buckets.get(address);
        if (bucket == null) {
            forgetIdleIfFull(now);
            bucket = new Bucket();
            bucket.tokens = burst;
            bucket.atNanos = now;
            buckets.put(address, bucket);
        }
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.atNanos) / 1e9 * perSecond);
        bucket.atNanos = now;
        if (bucket.tokens < simulations) {
            double waitSeconds = (simulations - bucket.tokens) / perSecond;
            throw new ServiceException.Busy(
                    "too many simulations from your network (" + perSecond + " per second, bursts of " + (int) burst
                            + "); try again shortly",
                    Duration.ofMillis((long) Math.ceil(waitSeconds * 1000)),
                    "too-many-simulations");
        }
        bucket.tokens -= simulations;
    }

    private void forgetIdleIfFull(long now) {
        if (buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(b -> Math.min(burst, b.tokens + (now - b.atNanos) / 1e9 * perSecond) >= burst);
        }
    }
}
