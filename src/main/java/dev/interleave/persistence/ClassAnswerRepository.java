package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ClassAnswerRepository implements PanacheRepositoryBase<ClassAnswerEntity, ClassAnswerEntity.Key> {

    /**
     * Writes the answer unless the student already answered that step's question; returns the row as stored
     * (the earlier one on a retry), so a retried request never makes a second row.
     */
    public Uni<StoredClass.Answer> saveOnce(StoredClass.Answer a) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into class_answers (session_id, student_id,"
                                + " step, question, answer_json, truth_json, guess_value, truth_value, error_ms,"
                                + " error_pct, score, correct, misconception_id, misconception, answered_at)"
                                + " values (:session, :student, :step, :question, :answer, :truth, :guess,"
                                + " :truthValue, :errorMs, :errorPct, :score, :correct, :mid, :mtext, :at)"
                                + " on conflict do nothing")
                        .setParameter("session", a.sessionId())
                        .setParameter("student", a.studentId())
                        .setParameter("step", a.step())
                        .setParameter("question", a.question())
                        .setParameter("answer", a.answerJson())
                        .setParameter("truth", a.truthJson())
                        .setParameter("guess", a.guessValue())
                        .setParameter("truthValue", a.truthValue())
                        .setParameter("errorMs", a.errorMs())
                        .setParameter("errorPct", a.errorPct())
                        .setParameter("score", a.score())
                        .setParameter("correct", a.correct())
                        .setParameter("mid", a.misconceptionId())
                        .setParameter("mtext", a.misconception())
                        .setParameter("at", a.answeredAt())
                        .executeUpdate())
                .chain(() -> find(
                                "studentId = ?1 and step = ?2 and question = ?3", a.studentId(), a.step(), a.question())
                        .<ClassAnswerEntity>firstResult())
                .map(ClassAnswerRepository::stored);
    }

    /** The session's answers to one step, oldest first. */
    public Uni<List<StoredClass.Answer>> listStep(String sessionId, int step) {
        return find("sessionId = ?1 and step = ?2", Sort.ascending("answeredAt"), sessionId, step)
                .list()
                .map(list -> list.stream().map(ClassAnswerRepository::stored).toList());
    }

    /** Every answer of the session, by step, question and time. */
    public Uni<List<StoredClass.Answer>> listAll(String sessionId) {
        return find("sessionId", Sort.ascending("step").and("question").and("answeredAt"), sessionId)
                .list()
                .map(list -> list.stream().map(ClassAnswerRepository::stored).toList());
    }

    /** One student's answers, by step and question. */
    public Uni<List<StoredClass.Answer>> listStudent(String studentId) {
        return find("studentId", Sort.ascending("step").and("question"), studentId)
                .list()
                .map(list -> list.stream().map(ClassAnswerRepository::stored).toList());
    }

    static StoredClass.Answer stored(ClassAnswerEntity e) {
        return e == null
                ? null
                : new StoredClass.Answer(
                        e.sessionId,
                        e.studentId,
                        e.step,
                        e.question,
                        e.answerJson,
                        e.truthJson,
                        e.guessValue,
                        e.truthValue,
                        e.errorMs,
                        e.errorPct,
                        e.score,
                        e.correct,
                        e.misconceptionId,
                        e.misconception,
                        e.answeredAt);
    }
}
