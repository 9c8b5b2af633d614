package dev.interleave.persistence;

/** Events {@code firstSeq..lastSeq} (inclusive) as a JSON array string. */
public record EventChunk(long firstSeq, long lastSeq, String eventsJson) {}
