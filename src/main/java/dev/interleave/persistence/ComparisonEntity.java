package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "comparisons")
public class ComparisonEntity {
    @Id
    public String id;

    public String ownerId;
    public String shareSlug;
    public String graphJson;
    public String graphId;
    public Instant createdAt;
    /** The budget every run is judged by ({@code expect}), JSON; null without one. */
    public String expectJson;
    /** The webhook to tell when the last run ends; null without one. */
    public String notifyUrl;
}
