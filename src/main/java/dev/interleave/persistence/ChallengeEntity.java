package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "class_challenges")
public class ChallengeEntity {
    @Id
    public String id;

    public String ownerId;
    public String title;
    /** The validated steps as JSON (graphs inline: a saved graph is copied in when the challenge is made). */
    public String stepsJson;

    public Instant createdAt;
}
