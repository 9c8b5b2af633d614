package dev.interleave.service.export;

import dev.interleave.engine.run.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's {@code gil_*} and {@code limit_*} events say, as intervals for the trace: who held the GIL when
 * (holdings never overlap: the GIL has one holder), when each thread waited for it, and when each task waited
 * for a limit. An interval still open when the events end (a run stopped early) is closed at {@code endNanos}.
 */
record ThreadActivity(List<Span> holdings, List<Span> gilWaits, List<Span> limitWaits) {

    /**
     * @param lane  the thread's lane (-1: the main thread of a threads run)
     * @param task  the task the thread worked for (at the end of the span, else at its start), or null
     * @param limit the limit's name, for a limit wait
     */
    record Span(int lane, String task, String limit, long startNanos, long endNanos) {}

    boolean isEmpty() {
        return holdings.isEmpty() && gilWaits.isEmpty() && limitWaits.isEmpty();
    }

    static ThreadActivity of(List<RunEvent> events, long endNanos) {
        var holdings = new ArrayList<Span>();
        var gilWaits = new ArrayList<Span>();
        var limitWaits = new ArrayList<Span>();
        RunEvent taken = null;
        Map<Integer, RunEvent> waitingForGil = new HashMap<>();
        Map<String, RunEvent.LimitWait> waitingForLimit = new HashMap<>();
        for (RunEvent e : events) {
            switch (e) {
                case RunEvent.GilWait w -> waitingForGil.put(w.lane(), w);
                case RunEvent.GilTaken t -> {
                    RunEvent wait = waitingForGil.remove(t.lane());
                    if (wait != null) {
                        gilWaits.add(span(wait, t.task(), null, t.nanos()));
                    }
                    taken = t;
                }
                case RunEvent.GilReleased r -> {
                    if (taken != null) {
                        holdings.add(span(taken, r.task(), null, r.nanos()));
                        taken = null;
                    }
                }
                case RunEvent.LimitWait w -> waitingForLimit.put(w.task(), w);
                case RunEvent.LimitTaken t -> {
                    RunEvent.LimitWait wait = waitingForLimit.remove(t.task());
                    if (wait != null) {
                        limitWaits.add(span(wait, t.task(), t.limit(), t.nanos()));
                    }
                }
                default -> {}
            }
        }
        if (taken != null) {
            holdings.add(span(taken, null, null, endNanos));
        }
        waitingForGil.values().forEach(w -> gilWaits.add(span(w, null, null, endNanos)));
        waitingForLimit.values().forEach(w -> limitWaits.add(span(w, w.task(), w.limit(), endNanos)));
        return new ThreadActivity(List.copyOf(holdings), List.copyOf(gilWaits), List.copyOf(limitWaits));
    }

    private static Span span(RunEvent start, String taskAtEnd, String limit, long endNanos) {
        String task = taskAtEnd != null ? taskAtEnd : start.task();
        return new Span(start.lane(), task, limit, start.nanos(), Math.max(endNanos, start.nanos()));
    }
}
