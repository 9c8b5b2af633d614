package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "class_sessions")
public class ClassSessionEntity {
    @Id
    public String id;

    public String challengeId;
    /** The teacher: the only owner who may control the session or see its answers. */
    public String ownerId;

    public String joinCode;
    /** A wire name of service/classroom/ClassPhase, kept by a CHECK constraint. */
    public String phase;

    public String pacing;
    public int currentStep;
    public boolean variants;
    public long variantSeed;
    public double tolerancePct;
    public Instant createdAt;
    public Instant closedAt;
}
