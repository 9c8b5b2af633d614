package dev.interleave.stream;

import dev.interleave.config.PlaygroundConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * How many WebSocket watchers one stream (a run or comparison) and one client address may have open on this
 * instance. A refused watcher is closed with {@link #REFUSED}. All state is guarded by {@code this}.
 */
@ApplicationScoped
class WatcherLimits {

    /** Close code of a refused watcher: application range (RFC 6455 §7.4.2), echoing HTTP 429. */
    static final int REFUSED = 4429;

    private record Watcher(String stream, String address) {}

    private final int perStream;
    private final int perAddress;
    private final Map<String, Watcher> open = new HashMap<>();
    private final Map<String, Integer> byStream = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();

    @Inject
    WatcherLimits(PlaygroundConfig config) {
        this(config.stream().maxWatchersPerRun(), config.stream().maxWatchersPerAddress());
    }

    WatcherLimits(int perStream, int perAddress) {
        this.perStream = perStream;
        this.perAddress = perAddress;
    }

    /** Counts connection {@code id} as a watcher of {@code stream}; null if admitted, else why it is refused. */
    synchronized String admit(String id, String stream, String address) {
        if (byStream.getOrDefault(stream, 0) >= perStream) {
            return "this run has " + perStream + " watchers, the most allowed; try again later";
        }
        if (byAddress.getOrDefault(address, 0) >= perAddress) {
            return "your network has " + perAddress + " streams open, the most allowed; close some";
        }
        open.put(id, new Watcher(stream, address));
        byStream.merge(stream, 1, Integer::sum);
        byAddress.merge(address, 1, Integer::sum);
        return null;
    }

    /** Connection {@code id} closed; nothing if it was never admitted (or already released). */
    synchronized void release(String id) {
        var watcher = open.remove(id);
        if (watcher != null) {
            byStream.computeIfPresent(watcher.stream(), (k, n) -> n == 1 ? null : n - 1);
            byAddress.computeIfPresent(watcher.address(), (k, n) -> n == 1 ? null : n - 1);
        }
    }
}
