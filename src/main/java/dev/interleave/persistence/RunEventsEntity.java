package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One checkpoint of a run's events: {@code firstSeq..lastSeq} as a JSON array. */
@Entity
@Table(name = "run_events")
@IdClass(RunEventsEntity.Key.class)
public class RunEventsEntity {
    @Id
    public String runId;

    @Id
    public long firstSeq;

    public long lastSeq;
    public String eventsJson;

    public record Key(String runId, long firstSeq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
