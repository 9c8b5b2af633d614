package dev.interleave.service.graph;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.persistence.GraphRepository;
import dev.interleave.persistence.StoredGraph;
import dev.interleave.service.Offload;
import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.view.GraphView;
import dev.interleave.service.view.PageView;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/** Saved graphs: create, read, list, delete; each private to its owner. */
@ApplicationScoped
public class GraphService {

    /** A graph ready to run: its JSON as saved, the validated engine graph, and its saved id if any. */
    public record Resolved(String graphJson, TaskGraph graph, String graphId) {}

    private final GraphRepository graphs;
    private final GraphInput input;
    private final IdentityService identity;
    private final RunViews views;
    private final Offload offload;

    GraphService(GraphRepository graphs, GraphInput input, IdentityService identity, RunViews views, Offload offload) {
        this.graphs = graphs;
        this.input = input;
        this.identity = identity;
        this.views = views;
        this.offload = offload;
    }

    public Uni<GraphView> create(Owner owner, GraphSpec spec) {
        return offload.work(() -> new Resolved(views.write(spec), input.graph(spec, ""), null))
                .chain(resolved -> Panache.withTransaction(() -> identity.ensure(owner.id())
                        .chain(() -> graphs.save(
                                new StoredGraph(Ids.id(), owner.id(), spec.name(), resolved.graphJson(), Instant.now()),
                                resolved.graph().size()))))
                .map(GraphService::view);
    }

    public Uni<GraphView> get(Owner owner, String id) {
        return Panache.withSession(() -> graphs.findOwned(id, owner.id()))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("graph"))
                .map(GraphService::view);
    }

    public Uni<PageView<GraphView>> list(Owner owner, int page, int size) {
        return Panache.withSession(() -> graphs.listOwned(owner.id(), page, size)
                .chain(items -> graphs.countOwned(owner.id())
                        .map(total -> new PageView<>(
                                items.stream().map(GraphService::view).toList(), page, size, total))));
    }

    public Uni<Void> delete(Owner owner, String id) {
        return Panache.withTransaction(() -> graphs.deleteOwned(id, owner.id()))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new ServiceException.NotFound("graph");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The graph a run or comparison names: inline ({@code spec}) or saved ({@code graphId}), exactly one.
     * Validation runs on a worker thread (a 10,000-task graph takes a few milliseconds).
     */
    public Uni<Resolved> resolve(Owner owner, GraphSpec spec, String graphId) {
        if ((spec == null) == (graphId == null)) {
            return Uni.createFrom()
                    .failure(new ServiceException.Invalid(java.util.List.of(new dev.interleave.engine.graph.Violation(
                            "/graph", "graph-or-graph-id", "give exactly one of \"graph\" and \"graphId\""))));
        }
        if (spec != null) {
            return offload.work(() -> new Resolved(views.write(spec), input.graph(spec, "/graph"), null));
        }
        return Panache.withSession(() -> graphs.findOwned(graphId, owner.id()))
                .onItem()
                .ifNull()
                .failWith(() -> new ServiceException.NotFound("graph"))
                .chain(saved -> offload.work(() -> new Resolved(
                        saved.graphJson(),
                        input.graph(views.read(saved.graphJson(), GraphSpec.class), "/graph"),
                        saved.id())));
    }

    private static GraphView view(StoredGraph g) {
        return new GraphView(
                g.id(), g.name(), g.graphJson(), g.createdAt(), Map.of("self", "/api/v1/graphs/" + g.id()));
    }
}
