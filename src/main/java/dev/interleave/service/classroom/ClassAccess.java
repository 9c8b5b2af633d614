package dev.interleave.service.classroom;

import dev.interleave.persistence.ClassSessionRepository;
import dev.interleave.persistence.ClassStudentRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who a caller is to a class, decided in one place. The teacher (the owner who opened it) controls it and sees
 * every answer; a student (an owner seated by joining) sees only their own view; anyone else is told the class
 * does not exist (404: a stranger learns nothing, and ids are not guessable). A student at a teacher's control
 * gets 403 {@code not-teacher}: they know the class exists already. Call inside a session.
 */
@ApplicationScoped
public class ClassAccess {

    private final ClassSessionRepository sessions;
    private final ClassStudentRepository students;
    private final Challenges challenges;

    ClassAccess(ClassSessionRepository sessions, ClassStudentRepository students, Challenges challenges) {
        this.sessions = sessions;
        this.students = students;
        this.challenges = challenges;
    }

    /** The caller's role, for the streams: TEACHER, a seated STUDENT, or null for a stranger or no class. */
    public record Seat(Room room, StoredClass.Student student) {
        public boolean teacher() {
            return student == null;
        }
    }

    Uni<Room> room(String id) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("class"));
        }
        return sessions.find(id)
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("class"))
                .chain(s -> challenges.byId(s.challengeId()).map(c -> new Room(s, c)));
    }

    /** The class, if {@code owner} is its teacher. */
    Uni<Room> asTeacher(Owner owner, String id) {
        return room(id).chain(room -> {
            if (owner != null && room.teacherIs(owner.id())) {
                return Uni.createFrom().item(room);
            }
            return seatOf(owner, room).map(student -> {
                if (student == null) {
                    throw new ServiceException.NotFound("class");
                }
                throw new ServiceException.Refused(
                        403, "not-teacher", "Only the teacher may do this", "only the class's teacher may do this");
            });
        });
    }

    /** The class and the caller's seat in it; 404 if the caller has not joined. */
    Uni<Seat> asStudent(Owner owner, String id) {
        return room(id).chain(room -> seatOf(owner, room).map(student -> {
            if (student == null) {
                throw new ServiceException.NotFound("class");
            }
            return new Seat(room, student);
        }));
    }

    /** Teacher or student (a teacher who also joined is the teacher); null item for anyone else. */
    Uni<Seat> either(Owner owner, String id) {
        return room(id).chain(room -> owner != null && room.teacherIs(owner.id())
                        ? Uni.createFrom().item(new Seat(room, null))
                        : seatOf(owner, room).map(student -> student == null ? null : new Seat(room, student)))
                .onFailure(ServiceException.NotFound.class)
                .recoverWithNull();
    }

    private Uni<StoredClass.Student> seatOf(Owner owner, Room room) {
        return owner == null
                ? Uni.createFrom().nullItem()
                : students.findIn(room.session().id(), owner.id());
    }
}
