package dev.interleave.service.live;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Consecutive events {@code firstSeq..lastSeq} of one run, serialised once as a JSON array and as the WebSocket
 * frame every watcher receives, already encoded as UTF-8 so that no watcher encodes it again.
 */
public final class EventBatch {

    /**
     * Most events in one batch, and so in one frame. Typical frames are about 100 KB; even if every event named two
     * 64-character task ids a frame would stay under 250 KB, within the 256 KiB message limit of Vert.x WebSocket
     * clients (and the 1 MiB of Python's websockets). Smaller frames cost more per event: with 200 watchers, 500
     * made the end-of-run lag about 40 ms worse than 5,000.
     */
    public static final int MAX_EVENTS = 1_000;

    private final long firstSeq;
    private final long lastSeq;
    private final String eventsJson;
    /** Shared by every watcher's send: never modified. */
    private final byte[] frame;

    public EventBatch(String runId, long firstSeq, long lastSeq, String eventsJson) {
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
        this.eventsJson = Objects.requireNonNull(eventsJson, "eventsJson");
        this.frame = ("{\"frame\":\"events\",\"runId\":\"" + runId + "\",\"events\":" + eventsJson + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public long firstSeq() {
        return firstSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String eventsJson() {
        return eventsJson;
    }

    /** {@code {"frame":"events","runId":...,"events":[...]}} in UTF-8; shared, so callers must not modify it. */
    public byte[] frame() {
        return frame;
    }
}
