package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tokens")
public class TokenEntity {
    @Id
    public String id;

    public String ownerId;
    /** Hex SHA-256 of the token; the token itself is never stored. */
    public String tokenHash;

    public Instant createdAt;
    /** Null: never expires. */
    public Instant expiresAt;
}
