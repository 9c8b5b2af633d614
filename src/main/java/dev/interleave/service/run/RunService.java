package dev.interleave.service.run;

import dev.interleave.engine.Engine;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.persistence.EventChunk;
import dev.interleave.persistence.RunEventRepository;
import dev.interleave.persistence.RunRepository;
import dev.interleave.persistence.StoredRun;
import dev.interleave.service.Offload;
import dev.interleave.service.RunState;
import dev.interleave.service.ServiceException;
import dev.interleave.service.budget.Expectations;
import dev.interleave.service.budget.Metric;
import dev.interleave.service.cluster.ClusterBus;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.graph.GraphService;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.live.EventBatch;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.view.EngineViews;
import dev.interleave.service.view.EventView;
import dev.interleave.service.view.EventsPage;
import dev.interleave.service.view.PageView;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Real runs: create (admission), read, list, cancel, delete, and their saved events. */
@ApplicationScoped
public class RunService {

    private final GraphService graphs;
    private final GraphInput input;
    private final Engine engine;
    private final RunRepository runs;
    private final RunEventRepository eventStore;
    private final RunAdmission admission;
    private final RunSupervisor supervisor;
    private final RunEvents events;
    private final RunViews views;
    private final IdentityService identity;
    private final Offload offload;
    private final ClusterBus bus;
    private final LocalRuns local;

    RunService(
            GraphService graphs,
            GraphInput input,
            Engine engine,
            RunRepository runs,
            RunEventRepository eventStore,
            RunAdmission admission,
            RunSupervisor supervisor,
            RunEvents events,
            RunViews views,
            IdentityService identity,
            Offload offload,
            ClusterBus bus,
            LocalRuns local) {
        this.bus = bus;
        this.local = local;
        this.graphs = graphs;
        this.input = input;
        this.engine = engine;
        this.runs = runs;
        this.eventStore = eventStore;
        this.admission = admission;
        this.supervisor = supervisor;
        this.events = events;
        this.views = views;
        this.identity = identity;
        this.offload = offload;
    }

    /**
     * Validates (budget first, then graph and scheduler), predicts, saves the run as queued and hands it to
     * admission control (or refuses: 429). Nothing is saved when anything is refused.
     */
    public Uni<RunView> create(Owner owner, String clientAddress, NewRun request) {
        return Uni.createFrom()
                .item(() -> budgetJson(request.expect()))
                .chain(expectJson -> graphs.resolve(owner, request.graph(), request.graphId())
                        .chain(g -> offload.work(() -> prepare(
                                owner,
                                g,
                                input.scheduler(request.scheduler(), "/scheduler"),
                                null,
                                0,
                                expectJson,
                                request.notifyUrl()))))
                .chain(p -> admit(owner.id(), clientAddress, p.run().id(), List.of(p)))
                .map(saved -> views.run(saved.get(0), true));
    }

    /** The budget as it is saved: validated (422 {@code expect-invalid} with pointers); null without one. */
    String budgetJson(com.fasterxml.jackson.databind.JsonNode expect) {
        var parsed = Expectations.parse(expect, "/expect", Metric.forRuns());
        return parsed.isEmpty() ? null : views.write(expect);
    }

    /** A queued run with its prediction, not yet saved. */
    record Prepared(StoredRun run, RunSupervisor.Execution execution) {}

    Prepared prepare(
            Owner owner,
            GraphService.Resolved g,
            SchedulerSpec spec,
            String comparisonId,
            int position,
            String expectJson,
            String notifyUrl) {
        var prediction = views.prediction(engine.simulate(g.graph(), spec, false), g.graph());
        String id = Ids.id();
        var run = new StoredRun(
                id,
                owner.id(),
                Ids.slug(),
                g.graphId(),
                comparisonId,
                position,
                RunState.QUEUED,
                null,
                g.graphJson(),
                views.write(EngineViews.scheduler(spec)),
                views.write(prediction),
                null,
                null,
                prediction.makespanMs(),
                0,
                Instant.now().truncatedTo(ChronoUnit.MICROS), // as the database keeps it
                null,
                null,
                expectJson,
                notifyUrl);
        return new Prepared(run, new RunSupervisor.Execution(run, g.graph(), spec));
    }

    /**
     * Reserves one admission job for {@code prepared} (executed one after another, each taking a queue place),
     * saves them, then activates the job; nothing is saved when admission refuses. {@code before} saves a parent
     * row first.
     */
    Uni<List<StoredRun>> admit(String ownerId, String clientAddress, String key, List<Prepared> prepared) {
        return admit(
                ownerId, clientAddress, key, prepared, () -> Uni.createFrom().voidItem());
    }

    Uni<List<StoredRun>> admit(
            String ownerId,
            String clientAddress,
            String key,
            List<Prepared> prepared,
            java.util.function.Supplier<Uni<Void>> before) {
        var ticket = admission.reserve(key, new RunAdmission.Claim(ownerId, clientAddress, prepared.size()));
        prepared.forEach(p -> events.open(p.run().id()));
        return Panache.withTransaction(
                        () -> identity.ensure(ownerId).chain(() -> before.get()).chain(() -> insertAll(prepared)))
                .invoke(saved ->
                        admission.activate(ticket, () -> prepared.forEach(p -> supervisor.execute(p.execution()))))
                .onFailure()
                .invoke(e -> {
                    admission.abandon(ticket);
                    prepared.forEach(p -> events.close(p.run().id()));
                });
    }

    private Uni<List<StoredRun>> insertAll(List<Prepared> prepared) {
        Uni<List<StoredRun>> chain = Uni.createFrom().item(new ArrayList<>());
        for (var p : prepared) {
            chain = chain.chain(list -> runs.insert(p.run(), local.instanceId()).map(saved -> {
                list.add(saved);
                return list;
            }));
        }
        return chain;
    }

    public Uni<RunView> get(Owner owner, String id) {
        return owned(owner, id).map(r -> views.run(r, true));
    }

    /** The finished run's budget as JUnit XML (409 {@code run-not-finished} before it ends). */
    public Uni<String> junit(Owner owner, String id) {
        return owned(owner, id).map(r -> JunitReports.run(views.run(r, false)));
    }

    public Uni<PageView<RunView>> list(Owner owner, int page, int size) {
        return Panache.withSession(() -> runs.listOwned(owner.id(), page, size)
                .chain(items -> runs.countOwned(owner.id())
                        .map(total -> new PageView<>(
                                items.stream().map(r -> views.run(r, false)).toList(), page, size, total))));
    }

    /**
     * Stops a queued or running run (409 once finished). A queued run ends at once; a running one shortly, saved by
     * its keeper. The saved state decides first (queued -> cancelled commits, or the run has started); then
     * {@link LocalRuns#stop} finds it here, or another instance is told.
     */
    public Uni<RunView> cancel(Owner owner, String id) {
        return owned(owner, id).chain(run -> {
            if (run.status().isFinal()) {
                return Uni.createFrom()
                        .failure(new ServiceException.Conflict(
                                "the run has already finished (" + run.status().wireName() + ")"));
            }
            return Panache.withTransaction(() -> runs.cancelQueued(id, "cancelled before it started", Instant.now()))
                    .invoke(n -> {
                        if (n > 0) {
                            bus.finalStatus(id);
                        }
                        if (local.cancel(id, n > 0) == LocalRuns.Found.ELSEWHERE) {
                            bus.notify(ClusterBus.CANCEL, id); // queued or running on another instance
                        }
                    })
                    .chain(() -> owned(owner, id))
                    .map(r -> views.run(r, true));
        });
    }

    /** Deletes a run and its events; an unfinished run is stopped first, and saves nothing more. */
    public Uni<Void> delete(Owner owner, String id) {
        return owned(owner, id)
                .chain(run -> {
                    if (local.stop(id, LocalRuns.Stop.DELETE) == LocalRuns.Found.ELSEWHERE
                            && !run.status().isFinal()) {
                        bus.notify(ClusterBus.DELETE, id); // queued or running on another instance
                    }
                    return Panache.withTransaction(() -> runs.deleteOwned(id, owner.id()));
                })
                .replaceWithVoid();
    }

    /** Events after {@code after}: from memory while the run is live, else from the store. */
    public Uni<EventsPage> events(Owner owner, String id, long after) {
        return owned(owner, id)
                .chain(run -> events.isLive(id)
                        ? Uni.createFrom()
                                .item(page(
                                        events.after(id, after).stream()
                                                .map(EventBatch::eventsJson)
                                                .toList(),
                                        after))
                        : Panache.withSession(() -> eventStore.after(id, after))
                                .map(chunks -> page(
                                        chunks.stream()
                                                .map(EventChunk::eventsJson)
                                                .toList(),
                                        after)));
    }

    private EventsPage page(List<String> arrays, long after) {
        var list = new ArrayList<EventView>();
        for (String array : arrays) {
            for (var e : views.read(array, EventView[].class)) {
                if (e.seq() > after) {
                    list.add(e);
                }
            }
        }
        return new EventsPage(
                list, list.isEmpty() ? after : list.get(list.size() - 1).seq());
    }

    /** Saved events after {@code after}, one batch per saved chunk (the replay of a run not live here). */
    public Uni<List<EventBatch>> saved(String runId, long after) {
        return Panache.withSession(() -> eventStore.after(runId, after))
                .map(chunks -> chunks.stream()
                        .map(c -> new EventBatch(runId, c.firstSeq(), c.lastSeq(), c.eventsJson()))
                        .toList());
    }

    /** The run if {@code owner} owns it or {@code shareSlug} is its share slug; else 404. */
    public Uni<RunView> visible(Owner owner, String shareSlug, String id, boolean detail) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("run"));
        }
        return Panache.withSession(() -> runs.findRun(id))
                .map(r -> r != null
                                && (owner != null && r.ownerId().equals(owner.id())
                                        || shareSlug != null && shareSlug.equals(r.shareSlug()))
                        ? r
                        : null)
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("run"))
                .map(r -> views.run(r, detail));
    }

    /**
     * Calls {@code onChange} (on any thread) when another instance saves events of the run or finishes it;
     * returns a handle that stops following.
     */
    public Runnable follow(String runId, Runnable onChange) {
        return bus.follow(runId, onChange);
    }

    /** Any run by id, no access check: for a stream that has already checked access. */
    public Uni<RunView> load(String id, boolean detail) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("run"));
        }
        return Panache.withSession(() -> runs.findRun(id))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("run"))
                .map(r -> views.run(r, detail));
    }

    private Uni<StoredRun> owned(Owner owner, String id) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().failure(new ServiceException.NotFound("run"));
        }
        return Panache.withSession(() -> runs.findOwned(id, owner.id()))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("run"));
    }
}
