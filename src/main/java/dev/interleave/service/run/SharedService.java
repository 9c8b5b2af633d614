package dev.interleave.service.run;

import dev.interleave.persistence.RunRepository;
import dev.interleave.service.ServiceException;
import dev.interleave.service.view.RunViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Read-only access through a share slug, for anyone who has the link. */
@ApplicationScoped
public class SharedService {

    private final RunRepository runs;
    private final ComparisonService comparisons;
    private final RunViews views;

    SharedService(RunRepository runs, ComparisonService comparisons, RunViews views) {
        this.runs = runs;
        this.comparisons = comparisons;
        this.views = views;
    }

    /** A RunView or ComparisonView with {@code kind}, or 404. */
    public Uni<Object> find(String slug) {
        return Panache.withSession(() -> runs.findBySlug(slug))
                .chain(run -> run != null
                        ? Uni.createFrom().item((Object) views.run(run, true).asKind("run"))
                        : comparisons
                                .loadBySlug(slug)
                                .onItem()
                                .ifNull()
                                .failWith(() -> new ServiceException.NotFound("shared item"))
                                .map(c -> (Object) views.comparison(c, true).asKind("comparison")));
    }
}
