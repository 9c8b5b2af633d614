package dev.interleave.service.guess;

import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.Violation;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.view.SchedulerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks questions and answers from requests, reporting every problem with its JSON pointer
 * ({@link ServiceException.Invalid}), and resolves a question's schedulers. A question without a scheduler asks
 * about the event loop (the scheduler the lesson is about).
 */
@ApplicationScoped
public class Questions {

    /** A guess above this (about 11.6 days) is not a guess about graphs of at most 60 s tasks. */
    static final double MAX_GUESS_MS = 1e9;

    static final int MAX_SCHEDULERS = 8;

    private static final SchedulerView EVENT_LOOP = new SchedulerView("event_loop", null);

    private final GraphInput input;

    Questions(GraphInput input) {
        this.input = input;
    }

    /** The checked question; problems point below {@code pointer} (e.g. {@code /question}). */
    public Asked resolve(Question question, String pointer) {
        if (question == null) {
            throw invalid(pointer, "missing-question", "a question is required");
        }
        var kind = QuestionKind.fromWire(question.kind())
                .orElseThrow(() -> invalid(
                        pointer + "/kind",
                        "unknown-question-kind",
                        "kind must be one of "
                                + Arrays.stream(QuestionKind.values())
                                        .map(QuestionKind::wireName)
                                        .collect(Collectors.joining(", "))
                                + ", was " + (question.kind() == null ? "missing" : "'" + question.kind() + "'")));
        if (question.prompt() != null && question.prompt().length() > 500) {
            throw invalid(pointer + "/prompt", "prompt-too-long", "a prompt is at most 500 characters");
        }
        if (kind == QuestionKind.FASTEST_SCHEDULER) {
            return fastest(question, pointer);
        }
        if (question.schedulers() != null) {
            throw invalid(pointer + "/schedulers", "schedulers-not-allowed", "only fastest_scheduler takes schedulers");
        }
        var view = question.scheduler() == null ? EVENT_LOOP : question.scheduler();
        SchedulerSpec spec = input.scheduler(view, pointer + "/scheduler");
        if (kind == QuestionKind.LOOP_BLOCKED && !(spec instanceof SchedulerSpec.EventLoop)) {
            throw invalid(
                    pointer + "/scheduler", "not-an-event-loop", "loop_blocked is asked of the event_loop scheduler");
        }
        return Asked.of(kind, spec);
    }

    private Asked fastest(Question question, String pointer) {
        if (question.scheduler() != null) {
            throw invalid(pointer + "/scheduler", "scheduler-not-allowed", "fastest_scheduler takes schedulers");
        }
        var views = question.schedulers();
        if (views == null || views.size() < 2 || views.size() > MAX_SCHEDULERS) {
            throw invalid(
                    pointer + "/schedulers",
                    "schedulers-count",
                    "fastest_scheduler takes 2 to " + MAX_SCHEDULERS + " schedulers");
        }
        var specs = new ArrayList<SchedulerSpec>();
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < views.size(); i++) {
            try {
                specs.add(input.scheduler(views.get(i), pointer + "/schedulers/" + i));
            } catch (ServiceException.Invalid e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ServiceException.Invalid(violations);
        }
        return new Asked(QuestionKind.FASTEST_SCHEDULER, specs);
    }

    /** Refuses an answer that does not fit the question (a number for numbers, an index or a task id for picks). */
    public void checkAnswer(Asked asked, TaskGraph graph, Answer answer, String pointer) {
        if (answer == null) {
            throw invalid(pointer, "missing-answer", "an answer is required");
        }
        switch (asked.kind()) {
            case MAKESPAN, LOOP_BLOCKED -> {
                if (answer.ms() == null
                        || !Double.isFinite(answer.ms())
                        || answer.ms() < 0
                        || answer.ms() > MAX_GUESS_MS) {
                    throw invalid(pointer + "/ms", "answer-ms", "the answer is a number of milliseconds from 0 to 1e9");
                }
                only(answer.scheduler() == null && answer.task() == null, pointer, "ms");
            }
            case FASTEST_SCHEDULER -> {
                if (answer.scheduler() == null
                        || answer.scheduler() < 0
                        || answer.scheduler() >= asked.schedulers().size()) {
                    throw invalid(
                            pointer + "/scheduler",
                            "answer-scheduler",
                            "the answer is the index of one of the "
                                    + asked.schedulers().size() + " schedulers");
                }
                only(answer.ms() == null && answer.task() == null, pointer, "scheduler");
            }
            case FIRST_TASK, LAST_TASK -> {
                if (answer.task() == null || graph.tasks().stream().noneMatch(t -> t.id().equals(answer.task()))) {
                    throw invalid(pointer + "/task", "answer-task", "the answer is the id of one of the graph's tasks");
                }
                only(answer.ms() == null && answer.scheduler() == null, pointer, "task");
            }
        }
    }

    private static void only(boolean ok, String pointer, String field) {
        if (!ok) {
            throw invalid(pointer, "answer-fields", "this question is answered with " + field + " only");
        }
    }

    private static ServiceException.Invalid invalid(String pointer, String code, String message) {
        return new ServiceException.Invalid(List.of(new Violation(pointer, code, message)));
    }
}
