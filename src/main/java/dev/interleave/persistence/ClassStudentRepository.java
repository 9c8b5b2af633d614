package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ClassStudentRepository implements PanacheRepositoryBase<ClassStudentEntity, String> {

    /**
     * Seats the owner in the session unless already seated (a second join of the same owner is the same
     * student, renamed), taking the next seat number; returns the student as stored. Must run in a transaction:
     * the session's row is locked first, so joins to one class take seats one after another (max + 1 read by two
     * joins at once gave both the same seat, and one of them a unique-constraint error); joins to other classes
     * do not wait. Seats stay 1..n without gaps, and a seat picks the student's variant.
     */
    public Uni<StoredClass.Student> join(String id, String sessionId, String ownerId, String name, Instant at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select id from class_sessions where id = :session for update")
                        .setParameter("session", sessionId)
                        .getResultList()
                        .replaceWith(session))
                .chain(session -> session.createNativeQuery(
                                "insert into class_students (id, session_id, owner_id, display_name, seat, joined_at)"
                                        + " select :id, :session, :owner, :name,"
                                        + " coalesce((select max(seat) from class_students where session_id ="
                                        + " :session), 0) + 1, :at"
                                        + " on conflict (session_id, owner_id) do update set display_name ="
                                        + " excluded.display_name")
                        .setParameter("id", id)
                        .setParameter("session", sessionId)
                        .setParameter("owner", ownerId)
                        .setParameter("name", name)
                        .setParameter("at", at)
                        .executeUpdate())
                .chain(() -> findIn(sessionId, ownerId));
    }

    public Uni<StoredClass.Student> findIn(String sessionId, String ownerId) {
        return find("sessionId = ?1 and ownerId = ?2", sessionId, ownerId)
                .firstResult()
                .map(ClassStudentRepository::stored);
    }

    /** Every student of the session, in seat order. */
    public Uni<List<StoredClass.Student>> listIn(String sessionId) {
        return find("sessionId", Sort.ascending("seat"), sessionId)
                .list()
                .map(list -> list.stream().map(ClassStudentRepository::stored).toList());
    }

    static StoredClass.Student stored(ClassStudentEntity e) {
        return e == null
                ? null
                : new StoredClass.Student(e.id, e.sessionId, e.ownerId, e.displayName, e.seat, e.joinedAt);
    }
}
