package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "graphs")
public class GraphEntity {
    @Id
    public String id;

    public String ownerId;
    public String name;
    public String graphJson;
    public int taskCount;
    public Instant createdAt;
}
