package dev.interleave.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "class_answers")
@IdClass(ClassAnswerEntity.Key.class)
public class ClassAnswerEntity {

    /** The primary key: one answer per student, step and question. */
    public static class Key implements Serializable {
        public String studentId;
        public int step;
        public int question;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.studentId.equals(studentId) && k.step == step && k.question == question;
        }

        @Override
        public int hashCode() {
            return Objects.hash(studentId, step, question);
        }
    }

    public String sessionId;

    @Id
    public String studentId;

    @Id
    public int step;

    @Id
    public int question;

    public String answerJson;
    public String truthJson;
    public Double guessValue;
    public Double truthValue;
    public Double errorMs;
    public Double errorPct;
    public int score;
    public boolean correct;
    public String misconceptionId;
    public String misconception;
    public Instant answeredAt;
}
