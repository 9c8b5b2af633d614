package dev.interleave.persistence;

import java.time.Instant;

/** An API token as stored: its hash, never the token. {@code expiresAt} is null for a token that never expires. */
public record StoredToken(String id, String ownerId, String tokenHash, Instant createdAt, Instant expiresAt) {}
