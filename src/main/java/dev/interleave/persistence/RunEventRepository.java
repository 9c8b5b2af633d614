package dev.interleave.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RunEventRepository implements PanacheRepositoryBase<RunEventsEntity, RunEventsEntity.Key> {

    public Uni<Void> append(String runId, EventChunk chunk) {
        var e = new RunEventsEntity();
        e.runId = runId;
        e.firstSeq = chunk.firstSeq();
        e.lastSeq = chunk.lastSeq();
        e.eventsJson = chunk.eventsJson();
        return persist(e).replaceWithVoid();
    }

    /** Chunks holding any event with seq > {@code afterSeq}, in order. */
    public Uni<List<EventChunk>> after(String runId, long afterSeq) {
        return find("runId = ?1 and lastSeq > ?2", Sort.ascending("firstSeq"), runId, afterSeq)
                .list()
                .map(list -> list.stream().map(EntityMapper::chunk).toList());
    }
}
