package dev.interleave.service.classroom;

import dev.interleave.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds guessing of join codes: each client address may try {@code wrongPerMinute} codes that name no open
 * class per minute (a fixed one-minute window). Only wrong codes count, so a room of 200 behind one school NAT
 * joins freely with the right code, while finding a class by trying codes takes about 887 million / live
 * classes attempts: at 20 a minute, centuries per address. An address over its budget is refused before any
 * database lookup. Per instance, like every limit here. Guarded by {@code this}.
 */
@ApplicationScoped
public class JoinGuard {

    private static final int MAX_TRACKED = 10_000;
    private static final long MINUTE = 60_000_000_000L;

    private static final class Window {
        long startNanos;
        int wrong;
    }

    private final int wrongPerMinute;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new HashMap<>();

    @Inject
    JoinGuard(@ConfigProperty(name = "interleave.classes.wrong-codes-per-minute", defaultValue = "20") int perMinute) {
        this(perMinute, System::nanoTime);
    }

    JoinGuard(int wrongPerMinute, LongSupplier nanos) {
        this.wrongPerMinute = wrongPerMinute;
        this.nanos = nanos;
    }

    /** Refuses (429) an address that used up its wrong codes this minute. */
    public synchronized void check(String address) {
        var w = current(address, false);
        if (w != null && w.wrong >= wrongPerMinute) {
            throw new ServiceException.Refused(
                    429,
                    "too-many-join-attempts",
                    "Too many wrong join codes",
                    "too many wrong join codes from your network; check the code with your teacher and try again in"
                            + " a minute");
        }
    }

    /** Counts one wrong code against the address. */
    public synchronized void wrong(String address) {
        current(address, true).wrong++;
    }

    private Window current(String address, boolean create) {
        long now = nanos.getAsLong();
        var w = windows.get(address);
        if (w != null && now - w.startNanos >= MINUTE) {
            windows.remove(address);
            w = null;
        }
        if (w == null && create) {
            if (windows.size() >= MAX_TRACKED) {
                windows.values().removeIf(old -> now - old.startNanos >= MINUTE);
            }
            w = new Window();
            w.startNanos = now;
            windows.put(address, w);
        }
        return w;
    }
}
