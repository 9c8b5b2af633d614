package dev.interleave.service.classroom;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.Violation;
import dev.interleave.persistence.ChallengeRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.Offload;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.graph.GraphService;
import dev.interleave.service.guess.Questions;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Challenges: made by a teacher (any owner), private to them, immutable once made. Every step is validated when
 * the challenge is made (graph, questions), so a class never meets a step it cannot grade. Saved challenges are
 * cached here once read (they never change), so 200 answers do not parse the steps 200 times.
 */
@ApplicationScoped
public class Challenges {

    static final int MAX_STEPS = 30;
    static final int MAX_QUESTIONS = 5;
    static final int MAX_NOTE = 500;
    private static final int MAX_CACHED = 1_000;

    private final ChallengeRepository repository;
    private final GraphService graphs;
    private final GraphInput input;
    private final Questions questions;
    private final IdentityService identity;
    private final RunViews json;
    private final Offload offload;
    private final Map<String, Challenge> cache = new ConcurrentHashMap<>();

    Challenges(
            ChallengeRepository repository,
            GraphService graphs,
            GraphInput input,
            Questions questions,
            IdentityService identity,
            RunViews json,
            Offload offload) {
        this.repository = repository;
        this.graphs = graphs;
        this.input = input;
        this.questions = questions;
        this.identity = identity;
        this.json = json;
        this.offload = offload;
    }

    public Uni<Challenge.View> create(Owner owner, NewChallenge request) {
        return inlineSavedGraphs(owner, request)
                .chain(steps -> offload.work(() -> validated(request.title(), steps)))
                .chain(challenge -> {
                    var made = new Challenge(
                            Ids.id(),
                            owner.id(),
                            challenge.title(),
                            challenge.steps(),
                            challenge.graphs(),
                            Instant.now().truncatedTo(ChronoUnit.MICROS));
                    var stored = new StoredClass.Challenge(
                            made.id(), made.ownerId(), made.title(), json.write(made.steps()), made.createdAt());
                    return Panache.withTransaction(
                                    () -> identity.ensure(owner.id()).chain(() -> repository.save(stored)))
                            .invoke(() -> remember(made))
                            .replaceWith(made.view());
                });
    }

    public Uni<Challenge.View> get(Owner owner, String id) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("challenge"));
        }
        return Panache.withSession(() -> repository.findOwned(id, owner.id()))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("challenge"))
                .chain(this::loaded)
                .map(Challenge::view);
    }

    public Uni<List<Challenge.View>> list(Owner owner, int page, int size) {
        return Panache.withSession(() -> repository.listOwned(owner.id(), page, size))
                .chain(list -> offload.work(
                        () -> list.stream().map(c -> parsed(c).view()).toList()));
    }

    /** The challenge by id, whoever owns it (callers have checked access through the class). */
    Uni<Challenge> byId(String id) {
        var cached = cache.get(id);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return repository.findStored(id).chain(this::loaded);
    }

    private Uni<Challenge> loaded(StoredClass.Challenge stored) {
        var cached = cache.get(stored.id());
        return cached != null ? Uni.createFrom().item(cached) : offload.work(() -> parsed(stored));
    }

    private Challenge parsed(StoredClass.Challenge stored) {
        var steps = List.of(json.read(stored.stepsJson(), Step[].class));
        var made = new Challenge(
                stored.id(),
                stored.ownerId(),
                stored.title(),
                steps,
                steps.stream().map(s -> input.graph(s.graph(), "")).toList(),
                stored.createdAt());
        remember(made);
        return made;
    }

    private void remember(Challenge challenge) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(challenge.id(), challenge);
    }

    /** Each step's graph inline: a saved graph (the teacher's own) is read and copied in. */
    private Uni<List<NewChallenge.Step>> inlineSavedGraphs(Owner owner, NewChallenge request) {
        if (request.steps() == null
                || request.steps().isEmpty()
                || request.steps().size() > MAX_STEPS) {
            return Uni.createFrom()
                    .failure(invalid("/steps", "steps-count", "a challenge has 1 to " + MAX_STEPS + " steps"));
        }
        Uni<List<NewChallenge.Step>> steps = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < request.steps().size(); i++) {
            var step = request.steps().get(i);
            String pointer = "/steps/" + i;
            if (step == null || (step.graph() == null) == (step.graphId() == null)) {
                return Uni.createFrom()
                        .failure(invalid(
                                pointer + "/graph",
                                "graph-or-graph-id",
                                "give exactly one of \"graph\" and \"graphId\""));
            }
            steps = steps.chain(done -> (step.graph() != null
                            ? Uni.createFrom().item(step)
                            : graphs.get(owner, step.graphId())
                                    .map(saved -> new NewChallenge.Step(
                                            json.read(saved.graph(), GraphSpec.class),
                                            null,
                                            step.questions(),
                                            step.note())))
                    .map(inline -> {
                        done.add(inline);
                        return done;
                    }));
        }
        return steps;
    }

    /** Every step checked (graph, questions, note); the first refusal names its pointer. Runs on a worker. */
    private Challenge validated(String title, List<NewChallenge.Step> requested) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw invalid("/title", "title-length", "a title of 1 to 200 characters is required");
        }
        var steps = new ArrayList<Step>();
        var built = new ArrayList<TaskGraph>();
        for (int i = 0; i < requested.size(); i++) {
            var step = requested.get(i);
            String pointer = "/steps/" + i;
            TaskGraph graph = input.graph(step.graph(), pointer + "/graph");
            if (step.questions() == null
                    || step.questions().isEmpty()
                    || step.questions().size() > MAX_QUESTIONS) {
                throw invalid(
                        pointer + "/questions", "questions-count", "a step has 1 to " + MAX_QUESTIONS + " questions");
            }
            for (int q = 0; q < step.questions().size(); q++) {
                var question = step.questions().get(q);
                if (question == null) {
                    throw invalid(pointer + "/questions/" + q, "question-missing", "a question is required");
                }
                questions.resolve(question, pointer + "/questions/" + q);
            }
            if (step.note() != null && step.note().length() > MAX_NOTE) {
                throw invalid(pointer + "/note", "note-length", "a note has at most " + MAX_NOTE + " characters");
            }
            steps.add(new Step(step.graph(), step.questions(), step.note()));
            built.add(graph);
        }
        return new Challenge("-", "-", title.strip(), steps, built, Instant.EPOCH);
    }

    static ServiceException.Invalid invalid(String pointer, String code, String message) {
        return new ServiceException.Invalid(List.of(new Violation(pointer, code, message)));
    }
}
