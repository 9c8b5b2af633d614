package dev.interleave.persistence;

import java.time.Instant;

/** A saved graph as the service sees it; {@code graphJson} is the public graph contract. */
public record StoredGraph(String id, String ownerId, String name, String graphJson, Instant createdAt) {}
