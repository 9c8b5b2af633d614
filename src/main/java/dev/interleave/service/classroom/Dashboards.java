package dev.interleave.service.classroom;

import dev.interleave.persistence.ClassAnswerRepository;
import dev.interleave.persistence.ClassStudentRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Question;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The teacher's dashboard, folded from the store (the source of truth) each time it is asked for. */
@ApplicationScoped
public class Dashboards {

    static final int LATEST = 10;
    static final int TOP_MISCONCEPTIONS = 3;

    private final ClassAccess access;
    private final ClassStudentRepository students;
    private final ClassAnswerRepository answers;
    private final RunViews json;

    Dashboards(ClassAccess access, ClassStudentRepository students, ClassAnswerRepository answers, RunViews json) {
        this.access = access;
        this.students = students;
        this.answers = answers;
        this.json = json;
    }

    public Uni<DashboardView> dashboard(Owner owner, String classId) {
        return Panache.withSession(() -> access.asTeacher(owner, classId)
                .chain(room -> students.listIn(classId)
                        .chain(seated -> answers.listStep(
                                        classId, room.session().currentStep())
                                .map(given -> fold(room, seated, given)))));
    }

    DashboardView fold(Room room, List<StoredClass.Student> seated, List<StoredClass.Answer> given) {
        int step = room.session().currentStep();
        var current = room.challenge().steps().get(step);
        Map<String, String> names =
                seated.stream().collect(Collectors.toMap(StoredClass.Student::id, StoredClass.Student::displayName));
        var stats = new ArrayList<DashboardView.QuestionStats>();
        for (int q = 0; q < current.questions().size(); q++) {
            int index = q;
            var of = given.stream().filter(a -> a.question() == index).toList();
            stats.add(stats(room, index, current.questions().get(q), of));
        }
        int questions = current.questions().size();
        Map<String, Long> answeredBy =
                given.stream().collect(Collectors.groupingBy(StoredClass.Answer::studentId, Collectors.counting()));
        var notAnswered = seated.stream()
                .filter(s -> answeredBy.getOrDefault(s.id(), 0L) < questions)
                .map(StoredClass.Student::displayName)
                .toList();
        var latest = given.stream()
                .sorted(Comparator.comparing(StoredClass.Answer::answeredAt).reversed())
                .limit(LATEST)
                .map(a -> new DashboardView.Arrival(
                        names.getOrDefault(a.studentId(), "?"), a.question(), said(a), a.answeredAt()))
                .toList();
        return new DashboardView(ClassView.of(room), step, current.note(), seated.size(), notAnswered, stats, latest);
    }

    private DashboardView.QuestionStats stats(Room room, int index, Question question, List<StoredClass.Answer> of) {
        double tolerance = room.session().tolerancePct();
        long correct = of.stream().filter(a -> correctWithin(a, tolerance)).count();
        boolean numeric = of.stream().allMatch(a -> a.errorMs() != null) && isNumeric(question);
        String scale = null;
        Histogram histogram = null;
        List<DashboardView.Pick> picks = null;
        if (numeric) {
            if (room.session().variants()) {
                scale = "pct_of_truth";
                histogram = Histogram.of(
                        of.stream()
                                .filter(a -> a.truthValue() != null && a.truthValue() != 0)
                                .map(a -> 100 * a.guessValue() / a.truthValue())
                                .toList(),
                        100.0);
            } else {
                scale = "ms";
                histogram = Histogram.of(
                        of.stream().map(StoredClass.Answer::guessValue).toList(),
                        of.isEmpty() ? null : of.getFirst().truthValue());
            }
        } else {
            picks = picks(of);
        }
        return new DashboardView.QuestionStats(
                index,
                question,
                of.size(),
                scale,
                histogram,
                picks,
                of.isEmpty() ? 0 : (double) correct / of.size(),
                misconceptions(of));
    }

    static boolean isNumeric(Question q) {
        return Set.of("makespan", "loop_blocked").contains(q.kind());
    }

    /** Numbers: within the class's tolerance of the truth (a 0 ms truth: the grader's verdict); picks: right. */
    static boolean correctWithin(StoredClass.Answer a, double tolerancePct) {
        return a.errorPct() != null ? Math.abs(a.errorPct()) <= tolerancePct : a.correct();
    }

    private List<DashboardView.Pick> picks(List<StoredClass.Answer> of) {
        var counts = new LinkedHashMap<String, Integer>();
        var truths = new java.util.HashSet<String>();
        for (var a : of) {
            counts.merge(said(a), 1, Integer::sum);
            truths.add(option(json.read(a.truthJson(), Answer.class)));
        }
        for (String t : truths) {
            counts.putIfAbsent(t, 0);
        }
        return counts.entrySet().stream()
                .map(e -> new DashboardView.Pick(e.getKey(), e.getValue(), truths.contains(e.getKey())))
                .sorted(Comparator.comparing(DashboardView.Pick::count).reversed())
                .toList();
    }

    private static List<DashboardView.Misconception> misconceptions(List<StoredClass.Answer> of) {
        Map<String, List<StoredClass.Answer>> byId = of.stream()
                .filter(a -> a.misconceptionId() != null)
                .collect(Collectors.groupingBy(StoredClass.Answer::misconceptionId));
        return byId.entrySet().stream()
                .map(e -> new DashboardView.Misconception(
                        e.getKey(),
                        e.getValue().getFirst().misconception(),
                        e.getValue().size()))
                .sorted(Comparator.comparing(DashboardView.Misconception::count)
                        .reversed()
                        .thenComparing(DashboardView.Misconception::id))
                .limit(TOP_MISCONCEPTIONS)
                .toList();
    }

    private String said(StoredClass.Answer a) {
        return option(json.read(a.answerJson(), Answer.class));
    }

    /** The number an answer is, for histograms: ms, or the scheduler index; null for a task pick. */
    static Double value(Answer a) {
        return a.ms() != null ? a.ms() : a.scheduler() != null ? Double.valueOf(a.scheduler()) : null;
    }

    /** An answer in words for the dashboard: "3000 ms", "scheduler 1", "task b". */
    static String option(Answer g) {
        if (g.ms() != null) {
            return Math.round(g.ms()) + " ms";
        }
        return g.scheduler() != null ? "scheduler " + g.scheduler() : "task " + g.task();
    }
}
