package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "runs")
public class RunEntity {
    @Id
    public String id;

    public String ownerId;
    public String shareSlug;
    public String graphId;
    public String comparisonId;
    public int position;
    public String status;
    public String reason;
    public String graphJson;
    public String schedulerJson;
    public String predictedJson;
    public String resultJson;
    public Double makespanMs;
    public Double predictedMs;
    public long eventCount;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;
    /** The service instance executing the run (a lease for a later multi-instance setup). */
    public String instanceId;

    public Instant heartbeatAt;

    /** The budget as asked ({@code expect}), JSON; null without one. */
    public String expectJson;

    /** The webhook to tell when the run ends; null without one. */
    public String notifyUrl;
}
