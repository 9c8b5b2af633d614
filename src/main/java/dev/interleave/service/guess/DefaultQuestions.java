package dev.interleave.service.guess;

import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.service.view.SchedulerView;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions a graph gets when its author picks none, most telling first: the makespan on the event loop;
 * with cpu work, which of sequential, event loop, threads and processes is fastest; with work that holds the
 * loop, how long it was blocked; with two or more tasks, which finishes last.
 */
public final class DefaultQuestions {

    static final SchedulerView EVENT_LOOP = new SchedulerView("event_loop", null);

    private DefaultQuestions() {}

    public static List<Question> of(TaskGraph graph) {
        var questions = new ArrayList<Question>();
        questions.add(Question.makespan(EVENT_LOOP));
        long cpu = graph.tasks().stream().filter(t -> t.kind() == TaskKind.CPU).count();
        if (cpu >= 2) {
            questions.add(Question.fastest(List.of(
                    new SchedulerView("sequential", null),
                    EVENT_LOOP,
                    new SchedulerView("threads", 4),
                    new SchedulerView("parallel", 4))));
        }
        if (graph.tasks().stream().anyMatch(t -> t.kind().holdsLoop() && !t.offload())) {
            questions.add(Question.loopBlocked());
        }
        if (graph.size() >= 2) {
            questions.add(Question.lastTask(EVENT_LOOP));
        }
        return List.copyOf(questions);
    }
}
