package dev.interleave.service.run;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.persistence.ComparisonRepository;
import dev.interleave.persistence.RunRepository;
import dev.interleave.persistence.StoredComparison;
import dev.interleave.service.Offload;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.graph.GraphService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.view.ComparisonView;
import dev.interleave.service.view.RunViews;
import dev.interleave.service.view.SchedulerView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One graph on several schedulers, run one after another (never concurrently, so they do not compete for
 * cores) under a single admission place, with one share link.
 */
@ApplicationScoped
public class ComparisonService {

    /** Most schedulers one comparison may run. */
    private static final int MAX_SCHEDULERS = 8;

    private final GraphService graphs;
    private final GraphInput input;
    private final RunService runService;
    private final ComparisonRepository comparisons;
    private final RunRepository runs;
    private final RunViews views;
    private final Offload offload;
    private final PlaygroundConfig config;

    ComparisonService(
            GraphService graphs,
            GraphInput input,
            RunService runService,
            ComparisonRepository comparisons,
            RunRepository runs,
            RunViews views,
            Offload offload,
            PlaygroundConfig config) {
        this.graphs = graphs;
        this.input = input;
        this.runService = runService;
        this.comparisons = comparisons;
        this.runs = runs;
        this.views = views;
        this.offload = offload;
        this.config = config;
    }

    /** Validates (budget, graph, schedulers), predicts each run, saves and admits them as one job. */
    public Uni<ComparisonView> create(Owner owner, String clientAddress, NewComparison request) {
        String id = Ids.id();
        String slug = Ids.slug();
        return Uni.createFrom()
                .item(() -> runService.budgetJson(request.expect()))
                .chain(expectJson -> graphs.resolve(owner, request.graph(), request.graphId())
                        .chain(g -> offload.work(() -> {
                                    var specs = schedulers(request.schedulers());
                                    var prepared = new ArrayList<RunService.Prepared>();
                                    for (int i = 0; i < specs.size(); i++) {
                                        prepared.add(runService.prepare(owner, g, specs.get(i), id, i, null, null));
                                    }
                                    return prepared;
                                })
                                .chain(prepared -> runService.admit(
                                        owner.id(),
                                        clientAddress,
                                        id,
                                        prepared,
                                        () -> comparisons.insert(
                                                id,
                                                owner.id(),
                                                slug,
                                                g.graphJson(),
                                                g.graphId(),
                                                Instant.now(),
                                                expectJson,
                                                request.notifyUrl())))))
                .chain(() -> load(id))
                .map(c -> views.comparison(c, true));
    }

    private List<SchedulerSpec> schedulers(List<SchedulerView> requested) {
        if (requested == null || requested.isEmpty()) {
            // threads get as many workers as parallel, so the two differ only in what runs them (GIL vs processes)
            int workers = Math.min(config.defaultWorkers(), config.runs().maxWorkers());
            return List.of(
                    new SchedulerSpec.Sequential(),
                    new SchedulerSpec.EventLoop(),
                    new SchedulerSpec.Parallel(workers),
                    new SchedulerSpec.Threads(workers));
        }
        if (requested.size() > MAX_SCHEDULERS) {
            throw new ServiceException.Invalid(List.of(new dev.interleave.engine.graph.Violation(
                    "/schedulers",
                    "too-many-schedulers",
                    "at most " + MAX_SCHEDULERS + " schedulers per comparison, was " + requested.size())));
        }
        var specs = new ArrayList<SchedulerSpec>();
        for (int i = 0; i < requested.size(); i++) {
            specs.add(input.scheduler(requested.get(i), "/schedulers/" + i));
        }
        return specs;
    }

    public Uni<ComparisonView> get(Owner owner, String id) {
        return visible(owner, null, id);
    }

    /** The finished comparison's budget as JUnit XML (409 {@code run-not-finished} before its last run ends). */
    public Uni<String> junit(Owner owner, String id) {
        return visible(owner, null, id).map(JunitReports::comparison);
    }

    /** The comparison if {@code owner} owns it or {@code slug} is its share slug; else 404. */
    public Uni<ComparisonView> visible(Owner owner, String slug, String id) {
        return load(id).map(c -> c != null
                                && (owner != null && c.ownerId().equals(owner.id())
                                        || slug != null && slug.equals(c.shareSlug()))
                        ? c
                        : null)
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("comparison"))
                .map(c -> views.comparison(c, true));
    }

    /** Run ids in order, for streaming. */
    public Uni<List<String>> runIds(String id) {
        return load(id).map(c -> c.runs().stream().map(r -> r.id()).toList());
    }

    /** The comparison with its runs; null if unknown (or not an id at all). */
    Uni<StoredComparison> load(String id) {
        if (!Ids.isId(id)) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> comparisons
                .findComparison(id)
                .chain(c -> c == null
                        ? Uni.createFrom().nullItem()
                        : runs.listComparison(id)
                                .map(list -> new StoredComparison(
                                        c.id(),
                                        c.ownerId(),
                                        c.shareSlug(),
                                        c.graphJson(),
                                        c.graphId(),
                                        c.createdAt(),
                                        list,
                                        c.expectJson(),
                                        c.notifyUrl()))));
    }

    Uni<StoredComparison> loadBySlug(String slug) {
        if (!Ids.isSlug(slug)) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> comparisons.findBySlug(slug))
                .chain(c -> c == null ? Uni.createFrom().nullItem() : load(c.id()));
    }
}
