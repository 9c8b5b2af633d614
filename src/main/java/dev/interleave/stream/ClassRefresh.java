package dev.interleave.stream;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Coalesces a burst of changes into few refreshes, never missing the last one: at most one refresh runs at a
 * time (on the connection's context, where the database calls must run), and changes that arrive meanwhile
 * cause exactly one more when it ends. So 200 answers in a second cost a handful of dashboard folds, and the
 * frame sent after the last answer includes it.
 *
 * <p>{@code state}: 0 idle, 1 running, 2 running with a change since it started. Transitions: changed() 0 -> 1
 * (starts a refresh), 1 -> 2, 2 -> 2; a refresh's end 1 -> 0, 2 -> 1 (starts another).
 */
final class ClassRefresh {

    private final Context context;
    private final Supplier<Uni<Void>> refresh;
    private final AtomicInteger state = new AtomicInteger();

    ClassRefresh(Context context, Supplier<Uni<Void>> refresh) {
        this.context = context;
        this.refresh = refresh;
    }

    /** Any thread. */
    void changed() {
        int before = state.getAndUpdate(s -> s == 0 ? 1 : 2);
        if (before == 0) {
            context.runOnContext(ignored -> run());
        }
    }

    private void run() {
        refresh.get().onFailure().recoverWithNull().subscribe().with(ok -> ended(), failure -> ended());
    }

    private void ended() {
        if (state.getAndUpdate(s -> s == 2 ? 1 : 0) == 2) {
            context.runOnContext(ignored -> run());
        }
    }
}
