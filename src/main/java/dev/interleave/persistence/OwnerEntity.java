package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "owners")
public class OwnerEntity {
    @Id
    public String id;

    public Instant createdAt;
}
