package dev.interleave.service.classroom;

import dev.interleave.persistence.ClassAnswerRepository;
import dev.interleave.persistence.ClassStudentRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Grade;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A class's results for its teacher: every answer with its student and grade, as JSON or CSV. */
@ApplicationScoped
public class ClassRecords {

    private final ClassAccess access;
    private final ClassStudentRepository students;
    private final ClassAnswerRepository answers;
    private final Seats seats;
    private final RunViews json;

    ClassRecords(
            ClassAccess access,
            ClassStudentRepository students,
            ClassAnswerRepository answers,
            Seats seats,
            RunViews json) {
        this.access = access;
        this.students = students;
        this.answers = answers;
        this.seats = seats;
        this.json = json;
    }

    /** One answer as the teacher sees it. */
    public record Row(
            String student, int seat, int step, int question, String kind, Answer answer, Grade grade, Instant at) {}

    public Uni<List<Row>> rows(Owner owner, String classId) {
        return Panache.withSession(() -> access.asTeacher(owner, classId)
                .chain(room -> students.listIn(classId)
                        .chain(seated -> answers.listAll(classId).map(all -> rows(room, seated, all)))));
    }

    private List<Row> rows(Room room, List<StoredClass.Student> seated, List<StoredClass.Answer> all) {
        Map<String, StoredClass.Student> byId =
                seated.stream().collect(Collectors.toMap(StoredClass.Student::id, s -> s));
        return all.stream()
                .map(a -> new Row(
                        byId.get(a.studentId()).displayName(),
                        byId.get(a.studentId()).seat(),
                        a.step(),
                        a.question(),
                        room.challenge()
                                .steps()
                                .get(a.step())
                                .questions()
                                .get(a.question())
                                .kind(),
                        json.read(a.answerJson(), Answer.class),
                        seats.grade(a),
                        a.answeredAt()))
                .toList();
    }

    public Uni<String> csv(Owner owner, String classId) {
        return rows(owner, classId).map(ClassRecords::csv);
    }

    static String csv(List<Row> rows) {
        var out = new StringBuilder(
                "student,seat,step,question,kind,answer,truth,error_ms,error_pct,score,correct,misconception,answered_at\r\n");
        for (var r : rows) {
            out.append(String.join(
                            ",",
                            cell(r.student()),
                            String.valueOf(r.seat()),
                            String.valueOf(r.step()),
                            String.valueOf(r.question()),
                            cell(r.kind()),
                            cell(Dashboards.option(r.answer())),
                            cell(Dashboards.option(r.grade().truth())),
                            number(r.grade().errorMs()),
                            number(r.grade().errorPct()),
                            String.valueOf(r.grade().score()),
                            String.valueOf(r.grade().correct()),
                            cell(
                                    r.grade().misconception() == null
                                            ? ""
                                            : r.grade().misconception().id()),
                            r.at().toString()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /**
     * RFC 4180 quoting, and a text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
     * leading apostrophe: a student's display name must not become a formula in the teacher's spreadsheet.
     */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
