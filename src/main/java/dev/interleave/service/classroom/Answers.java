package dev.interleave.service.classroom;

import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.persistence.ClassAnswerRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.Offload;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Grader;
import dev.interleave.service.guess.Questions;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A student's answers: checked against the class's state, graded against the engine's prediction for the
 * student's own graph (their variant when the class has variants), saved once per student, step and question.
 * A retry of the same answer returns the saved one ({@code replayed}); a different second answer is refused
 * (409 {@code answer-already-given}): the first answer is the one that counts.
 */
@ApplicationScoped
public class Answers {

    private final ClassAnswerRepository answers;
    private final ClassAccess access;
    private final Questions questions;
    private final Grader grader;
    private final GraphInput input;
    private final Seats seats;
    private final ClassBus bus;
    private final RunViews json;
    private final Offload offload;

    Answers(
            ClassAnswerRepository answers,
            ClassAccess access,
            Questions questions,
            Grader grader,
            GraphInput input,
            Seats seats,
            ClassBus bus,
            RunViews json,
            Offload offload) {
        this.answers = answers;
        this.access = access;
        this.questions = questions;
        this.grader = grader;
        this.input = input;
        this.seats = seats;
        this.bus = bus;
        this.json = json;
        this.offload = offload;
    }

    public record Saved(AnswerView view, boolean created) {}

    public Uni<Saved> answer(Owner owner, String classId, int step, int question, Answer guess) {
        return Panache.withSession(() -> access.asStudent(owner, classId)
                        .chain(seat -> answers.listStudent(seat.student().id()).chain(mine -> {
                            var room = seat.room();
                            var target = checked(room, step, question, mine);
                            var earlier = mine.stream()
                                    .filter(a -> a.step() == step && a.question() == question)
                                    .findFirst()
                                    .orElse(null);
                            if (earlier != null) {
                                return Uni.createFrom().item(replay(room, earlier, guess, mine));
                            }
                            return offload.work(() -> graded(room, seat.student(), target, step, question, guess))
                                    .chain(row -> Panache.withTransaction(() -> answers.saveOnce(row))
                                            // Another request of this student won the insert: theirs counts.
                                            .map(saved -> saved.answeredAt().equals(row.answeredAt())
                                                    ? new Saved(view(room, saved, false, mine, true), true)
                                                    : replay(room, saved, guess, mine)));
                        })))
                .invoke(saved -> {
                    if (saved.created()) {
                        bus.changed(classId, ClassBus.Change.ANSWER);
                    }
                });
    }

    private Step checked(Room room, int step, int question, List<StoredClass.Answer> mine) {
        if (room.phase() == ClassPhase.CLOSED) {
            throw Seats.closed();
        }
        var steps = room.challenge().steps();
        if (step < 0 || step >= steps.size()) {
            throw Challenges.invalid("/step", "step-out-of-range", "step is from 0 to " + (steps.size() - 1));
        }
        var target = steps.get(step);
        if (question < 0 || question >= target.questions().size()) {
            throw Challenges.invalid(
                    "/question",
                    "question-out-of-range",
                    "question is from 0 to " + (target.questions().size() - 1));
        }
        boolean open = room.pacing() == Pacing.SELF
                ? step <= Seats.firstUnanswered(steps, mine)
                : step == room.session().currentStep() && room.phase() == ClassPhase.ANSWERING;
        boolean answered = mine.stream().anyMatch(a -> a.step() == step && a.question() == question);
        if (!open && !answered) {
            throw new ServiceException.Refused(
                    409,
                    "step-not-open",
                    "This step is not open for answers",
                    room.pacing() == Pacing.SELF
                            ? "answer the steps in order"
                            : "step " + step + " is not open for answers (it was revealed, or is still to come)");
        }
        return target;
    }

    /** The same answer again: what was saved; a different one: refused. */
    private Saved replay(Room room, StoredClass.Answer earlier, Answer guess, List<StoredClass.Answer> mine) {
        if (!json.read(earlier.answerJson(), Answer.class).equals(guess)) {
            throw new ServiceException.Refused(
                    409,
                    "answer-already-given",
                    "Already answered",
                    "you already answered this question; the first answer counts");
        }
        return new Saved(view(room, earlier, true, mine, false), false);
    }

    private StoredClass.Answer graded(
            Room room, StoredClass.Student student, Step target, int step, int question, Answer guess) {
        TaskGraph graph = room.session().variants()
                ? input.graph(Seats.graphFor(room, student, step), "")
                : room.challenge().graphs().get(step);
        var q = target.questions().get(question);
        var asked = questions.resolve(q, "/question");
        questions.checkAnswer(asked, graph, guess, "/answer");
        var grade = grader.grade(graph, asked, guess);
        return new StoredClass.Answer(
                room.session().id(),
                student.id(),
                step,
                question,
                json.write(guess),
                json.write(grade.truth()),
                Dashboards.value(guess),
                Dashboards.value(grade.truth()),
                grade.errorMs(),
                grade.errorPct(),
                grade.score(),
                grade.correct(),
                grade.misconception() == null ? null : grade.misconception().id(),
                grade.misconception() == null ? null : grade.misconception().text(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The student's answer, with its grade if the step is revealed to them (self-paced: once all answered). */
    private AnswerView view(
            Room room, StoredClass.Answer a, boolean replayed, List<StoredClass.Answer> mine, boolean includeThis) {
        var all = new java.util.ArrayList<>(mine);
        if (includeThis) {
            all.add(a);
        }
        boolean revealed = Seats.revealedTo(room, a.step(), all);
        return new AnswerView(
                a.step(),
                a.question(),
                json.read(a.answerJson(), Answer.class),
                a.answeredAt(),
                revealed ? seats.grade(a) : null,
                replayed);
    }
}
