package dev.interleave.service.guess;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.persistence.GuessRepository;
import dev.interleave.persistence.RunRepository;
import dev.interleave.persistence.StoredGuess;
import dev.interleave.persistence.StoredRun;
import dev.interleave.service.Offload;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.graph.GraphService;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.run.SimulationService;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Guess first: grades answers against the engine's prediction, saves them with the owner's run (owner-private
 * unless the owner shares one), and lists them. Grading simulates, so it is metered like {@code /simulate}
 * (one unit per scheduler the question names) and runs on a worker thread.
 */
@ApplicationScoped
public class GuessService {

    private final Grader grader;
    private final Questions questions;
    private final GraphService graphs;
    private final GraphInput input;
    private final SimulationService simulations;
    private final RunRepository runs;
    private final GuessRepository guesses;
    private final IdentityService identity;
    private final RunViews views;
    private final Offload offload;

    GuessService(
            Grader grader,
            Questions questions,
            GraphService graphs,
            GraphInput input,
            SimulationService simulations,
            RunRepository runs,
            GuessRepository guesses,
            IdentityService identity,
            RunViews views,
            Offload offload) {
        this.grader = grader;
        this.questions = questions;
        this.graphs = graphs;
        this.input = input;
        this.simulations = simulations;
        this.runs = runs;
        this.guesses = guesses;
        this.identity = identity;
        this.views = views;
        this.offload = offload;
    }

    /** A guess about a graph (inline or saved), graded and not saved. */
    public Uni<Grade> grade(
            Owner owner, String clientAddress, GraphSpec spec, String graphId, Question question, Answer answer) {
        return graphs.resolve(owner, spec, graphId)
                .chain(g -> offload.work(() -> check(g.graph(), question, answer))
                        .invoke(asked -> simulations.charge(
                                clientAddress, asked.schedulers().size()))
                        .chain(asked -> offload.work(() -> grader.grade(g.graph(), asked, answer))));
    }

    /** The questions a graph gets when its author picks none. */
    public Uni<List<Question>> defaults(Owner owner, GraphSpec spec, String graphId) {
        return graphs.resolve(owner, spec, graphId).map(g -> DefaultQuestions.of(g.graph()));
    }

    /** Grades a guess about the owner's run and saves it with the run (404 for anyone else's run). */
    public Uni<GuessView> submit(
            Owner owner, String clientAddress, String runId, Question question, Answer answer, boolean shared) {
        return owned(owner, runId)
                .chain(run -> offload.work(() -> {
                            var graph = graphOf(run);
                            return new Checked(graph, check(graph, question, answer));
                        })
                        .invoke(c -> simulations.charge(
                                clientAddress, c.asked().schedulers().size()))
                        .chain(c -> offload.work(() -> grader.grade(c.graph(), c.asked(), answer)))
                        .chain(grade -> {
                            var saved = new StoredGuess(
                                    Ids.id(),
                                    run.id(),
                                    owner.id(),
                                    views.write(question),
                                    views.write(answer),
                                    views.write(grade),
                                    grade.score(),
                                    grade.correct(),
                                    grade.misconception() == null
                                            ? null
                                            : grade.misconception().id(),
                                    shared,
                                    Instant.now().truncatedTo(ChronoUnit.MICROS));
                            return Panache.withTransaction(
                                            () -> identity.ensure(owner.id()).chain(() -> guesses.save(saved)))
                                    .map(this::view);
                        }));
    }

    public Uni<List<GuessView>> list(Owner owner, String runId) {
        return owned(owner, runId)
                .chain(run -> Panache.withSession(() -> guesses.listOwned(run.id(), owner.id())))
                .map(list -> list.stream().map(this::view).toList());
    }

    /** Shows (or hides) one of the owner's guesses on the run's share page. */
    public Uni<GuessView> share(Owner owner, String runId, String guessId, boolean shared) {
        if (!Ids.isId(guessId)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("guess"));
        }
        return owned(owner, runId)
                .chain(run -> Panache.withTransaction(() -> guesses.setShared(guessId, run.id(), owner.id(), shared)))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("guess"))
                .map(this::view);
    }

    /** The guesses the owner shared, for whoever holds the run's share link. */
    public Uni<List<GuessView>> shared(String slug) {
        if (!Ids.isSlug(slug)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("shared run"));
        }
        return Panache.withSession(() -> runs.findBySlug(slug)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new ServiceException.NotFound("shared run"))
                        .chain(run -> guesses.listShared(run.id())))
                .map(list -> list.stream().map(this::view).toList());
    }

    /** Per run of the owner's, how many guesses and their mean score (runs without guesses are absent). */
    public Uni<Map<String, GuessRepository.Scores>> scores(Owner owner, List<String> runIds) {
        return Panache.withSession(() -> guesses.scores(owner.id(), runIds));
    }

    private record Checked(TaskGraph graph, Asked asked) {}

    private Asked check(TaskGraph graph, Question question, Answer answer) {
        var asked = questions.resolve(question, "/question");
        questions.checkAnswer(asked, graph, answer, "/answer");
        return asked;
    }

    private TaskGraph graphOf(StoredRun run) {
        return input.graph(views.read(run.graphJson(), GraphSpec.class), "/graph");
    }

    private Uni<StoredRun> owned(Owner owner, String runId) {
        if (!Ids.isId(runId)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("run"));
        }
        return Panache.withSession(() -> runs.findOwned(runId, owner.id()))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("run"));
    }

    private GuessView view(StoredGuess g) {
        return new GuessView(
                g.id(),
                g.runId(),
                views.read(g.questionJson(), Question.class),
                views.read(g.answerJson(), Answer.class),
                views.read(g.gradeJson(), Grade.class),
                g.shared(),
                g.createdAt());
    }
}
