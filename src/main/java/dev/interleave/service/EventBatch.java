package dev.interleave.service;

import java.util.Objects;

/**
 * Consecutive events {@code firstSeq..lastSeq} of one run, serialised once as a JSON array and as the WebSocket
 * frame every watcher receives.
 */
public final class EventBatch {

    private final long firstSeq;
    private final long lastSeq;
    private final String eventsJson;
    private final String frame;

    public EventBatch(String runId, long firstSeq, long lastSeq, String eventsJson) {
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
        this.eventsJson = Objects.requireNonNull(eventsJson, "eventsJson");
        this.frame = "{\"frame\":\"events\",\"runId\":\"" + runId + "\",\"events\":" + eventsJson + "}";
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

    /** {@code {"frame":"events","runId":...,"events":[...]}} */
    public String frame() {
        return frame;
    }
}
