package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "guesses")
public class GuessEntity {
    @Id
    public String id;

    public String runId;
    public String ownerId;
    public String questionJson;
    public String answerJson;
    public String gradeJson;
    public int score;
    public boolean correct;
    public String misconception;
    public boolean shared;
    public Instant createdAt;
}
