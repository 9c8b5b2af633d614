package dev.interleave.service.classroom;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.persistence.ClassAnswerRepository;
import dev.interleave.persistence.ClassSessionRepository;
import dev.interleave.persistence.ClassStudentRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.ServiceException;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Grade;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Students: joining with a code and a display name (the anonymous owner is the student, no sign-up), and the view
 * each one has of the class. A wrong code costs the address one of its {@link JoinGuard} attempts and never a
 * lookup once the address is over its budget.
 */
@ApplicationScoped
public class Seats {

    static final int MAX_NAME = 40;

    private final ClassSessionRepository sessions;
    private final ClassStudentRepository students;
    private final ClassAnswerRepository answers;
    private final ClassAccess access;
    private final JoinGuard guard;
    private final ClassBus bus;
    private final IdentityService identity;
    private final RunViews json;

    Seats(
            ClassSessionRepository sessions,
            ClassStudentRepository students,
            ClassAnswerRepository answers,
            ClassAccess access,
            JoinGuard guard,
            ClassBus bus,
            IdentityService identity,
            RunViews json) {
        this.sessions = sessions;
        this.students = students;
        this.answers = answers;
        this.access = access;
        this.guard = guard;
        this.bus = bus;
        this.identity = identity;
        this.json = json;
    }

    static ServiceException.Refused closed() {
        return new ServiceException.Refused(409, "class-closed", "The class has ended", "this class has ended");
    }

    static ServiceException.Refused unknownCode() {
        return new ServiceException.Refused(
                404,
                "join-code-unknown",
                "No class with this code",
                "no open class has this code; check it with your teacher");
    }

    /** Seats the caller (again: a second join keeps the seat and takes the new name). */
    public Uni<StudentView> join(Owner owner, String address, String typedCode, String typedName) {
        guard.check(address);
        String name = displayName(typedName);
        String code = JoinCode.normalise(typedCode);
        if (code == null) {
            guard.wrong(address);
            return Uni.createFrom().failure(unknownCode());
        }
        return Panache.withTransaction(() -> sessions.findLiveByCode(code).chain(session -> {
                    if (session == null) {
                        guard.wrong(address);
                        throw unknownCode();
                    }
                    return identity.ensure(owner.id())
                            .chain(() -> students.join(Ids.id(), session.id(), owner.id(), name, now()))
                            .replaceWith(session);
                }))
                .invoke(session -> bus.changed(session.id(), ClassBus.Change.JOINED))
                .chain(session -> view(owner, session.id()));
    }

    /** The caller's own view of the class; 404 unless they joined it. */
    public Uni<StudentView> view(Owner owner, String classId) {
        return Panache.withSession(() -> access.asStudent(owner, classId)
                .chain(seat -> answers.listStudent(seat.student().id()).map(mine -> view(seat, mine))));
    }

    private StudentView view(ClassAccess.Seat seat, List<StoredClass.Answer> mine) {
        var room = seat.room();
        var s = room.session();
        var steps = room.challenge().steps();
        int step = s.currentStep();
        String phase = s.phase();
        if (room.pacing() == Pacing.SELF) {
            step = firstUnanswered(steps, mine);
            if (step == steps.size()) {
                step = steps.size() - 1;
                phase = "finished";
            }
            if (room.phase() == ClassPhase.CLOSED) {
                phase = ClassPhase.CLOSED.wireName();
            }
        }
        boolean revealed = revealedTo(room, step, mine) || phase.equals("finished");
        var questions = new ArrayList<StudentView.QuestionView>();
        var current = steps.get(step);
        for (int q = 0; q < current.questions().size(); q++) {
            var answer = find(mine, step, q);
            questions.add(new StudentView.QuestionView(
                    q,
                    current.questions().get(q),
                    answer == null ? null : json.read(answer.answerJson(), Answer.class),
                    answer == null || !revealed ? null : grade(answer)));
        }
        String self = "/api/v1/classes/" + s.id();
        return new StudentView(
                s.id(),
                room.challenge().title(),
                seat.student().displayName(),
                phase,
                s.pacing(),
                step,
                steps.size(),
                current.note(),
                graphFor(room, seat.student(), step),
                questions,
                Map.of("self", self + "/me", "answers", self + "/answers", "stream", "/ws/classes/" + s.id()));
    }

    /** The graph this student answers at {@code step}: the step's own, or their variant of it. */
    static GraphSpec graphFor(Room room, StoredClass.Student student, int step) {
        var graph = room.challenge().steps().get(step).graph();
        return room.session().variants()
                ? Variants.of(graph, room.session().variantSeed(), student.seat(), step)
                : graph;
    }

    /** Teacher-paced: the class is past answering at this step; self-paced: the student answered all of it. */
    static boolean revealedTo(Room room, int step, List<StoredClass.Answer> mine) {
        if (room.pacing() == Pacing.SELF) {
            int questions = room.challenge().steps().get(step).questions().size();
            return mine.stream().filter(a -> a.step() == step).count() == questions;
        }
        return room.phase() != ClassPhase.ANSWERING || room.session().currentStep() > step;
    }

    static int firstUnanswered(List<Step> steps, List<StoredClass.Answer> mine) {
        for (int i = 0; i < steps.size(); i++) {
            int step = i;
            if (mine.stream().filter(a -> a.step() == step).count()
                    < steps.get(i).questions().size()) {
                return i;
            }
        }
        return steps.size();
    }

    Grade grade(StoredClass.Answer a) {
        return new Grade(
                json.read(a.truthJson(), Answer.class),
                a.errorMs(),
                a.errorPct(),
                a.score(),
                a.correct(),
                a.misconceptionId() == null ? null : new Grade.Explanation(a.misconceptionId(), a.misconception()));
    }

    private static StoredClass.Answer find(List<StoredClass.Answer> mine, int step, int question) {
        return mine.stream()
                .filter(a -> a.step() == step && a.question() == question)
                .findFirst()
                .orElse(null);
    }

    /** 1..40 printable characters, trimmed; anything else is refused at {@code /name}. */
    static String displayName(String typed) {
        String name = typed == null ? "" : typed.strip();
        boolean printable =
                name.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
        if (name.isEmpty() || name.length() > MAX_NAME || !printable) {
            throw Challenges.invalid(
                    "/name",
                    "name-invalid",
                    "a display name of 1 to " + MAX_NAME + " printable characters is required");
        }
        return name;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
