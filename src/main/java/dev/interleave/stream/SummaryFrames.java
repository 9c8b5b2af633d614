package dev.interleave.stream;

import dev.interleave.service.run.RunService;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The summary frame of a run, loaded and serialised once for all of its watchers. When a run with 200 watchers
 * finishes, they all ask at once; each loading and writing the run itself kept the event loops busy, and they are
 * the threads that still had the run's last event frames to flush.
 *
 * <p>The frame is the final run without the graph and per-task lists ({@link RunView#streamed}): per-task times
 * (about 0.5 KB per task) would make it larger than common WebSocket clients accept (256 KiB by default for
 * Vert.x and Quarkus clients) for runs of a few hundred tasks; they are one {@code GET links.self} away.
 *
 * <p>Invariants: a watcher asks once the run is final or gone. Watchers that ask while a load is in flight share
 * it. A final run's summary never changes, so a final one is also kept for a while ({@link #KEEP}) after it is
 * loaded, for watchers whose turn comes a little later; any other outcome (not final, failed) is forgotten as soon
 * as it is known, so the next watcher loads afresh.
 */
@ApplicationScoped
class SummaryFrames {

    /** How long a final run's summary frame is kept: trades one frame of memory per run for not reloading it. */
    static final Duration KEEP = Duration.ofSeconds(5);

    private final Function<String, Uni<RunView>> load;
    private final RunViews views;
    private final Vertx vertx;
    private final Duration keep;
    /** runId to its summary frame: in flight, or final and loaded less than {@code keep} ago. */
    private final Map<String, CompletableFuture<byte[]>> frames = new ConcurrentHashMap<>();

    @Inject
    SummaryFrames(RunService runs, RunViews views, Vertx vertx) {
        this(runId -> runs.load(runId, false), views, vertx, KEEP);
    }

    /** {@code load} reads a run without per-task lists; {@code keep} is how long a final run's frame is kept. */
    SummaryFrames(Function<String, Uni<RunView>> load, RunViews views, Vertx vertx, Duration keep) {
        this.load = load;
        this.views = views;
        this.vertx = vertx;
        this.keep = keep;
    }

    /**
     * {@code {"frame":"summary","runId":...,"run":{...}}} in UTF-8, shared by every watcher (never to be
     * modified), so that it is encoded once, not once per watcher (see {@link EncodedText}). {@code finalRun}, when
     * not null, is the final run as the caller has just read it, used instead of a load. Call on a Vert.x context (a
     * load reads the database); the item may arrive on another context's thread.
     */
    Uni<byte[]> of(String runId, RunView finalRun) {
        var mine = new CompletableFuture<byte[]>();
        var shared = frames.putIfAbsent(runId, mine);
        if (shared != null) {
            return Uni.createFrom().completionStage(shared);
        }
        var run = finalRun != null ? Uni.createFrom().item(finalRun) : load.apply(runId);
        run.subscribe().with(loaded -> loaded(runId, mine, loaded), failure -> failed(runId, mine, failure));
        return Uni.createFrom().completionStage(mine);
    }

    private void loaded(String runId, CompletableFuture<byte[]> frame, RunView run) {
        byte[] written;
        try {
            written = Frames.run(views, "summary", runId, run.streamed()).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            failed(runId, frame, e);
            return;
        }
        if (run.isFinal()) {
            vertx.setTimer(keep.toMillis(), id -> frames.remove(runId, frame));
        } else {
            frames.remove(runId, frame);
        }
        frame.complete(written);
    }

    private void failed(String runId, CompletableFuture<byte[]> frame, Throwable failure) {
        frames.remove(runId, frame);
        frame.completeExceptionally(failure);
    }

    /** Runs whose frame is loading or kept (for tests). */
    int size() {
        return frames.size();
    }
}
