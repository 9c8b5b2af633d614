package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "class_students")
public class ClassStudentEntity {
    @Id
    public String id;

    public String sessionId;
    public String ownerId;
    public String displayName;
    public int seat;
    public Instant joinedAt;
}
