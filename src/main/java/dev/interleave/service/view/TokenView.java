package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An API token: {@code token} only in the answer that creates it (it is stored hashed), null when listed.
 * {@code expiresAt} is null for a token that never expires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(String id, String token, Instant createdAt, Instant expiresAt) {}
