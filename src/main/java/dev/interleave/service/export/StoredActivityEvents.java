package dev.interleave.service.export;

import dev.interleave.engine.run.RunEvent;
import dev.interleave.service.view.EventView;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved run's {@code gil_*} and {@code limit_*} events, back as engine events for the trace (the rest of a saved
 * run's trace comes from its per-task times). Only these types are kept, so a large run's other events are read
 * and dropped chunk by chunk.
 */
final class StoredActivityEvents {

    private StoredActivityEvents() {}

    static void addFrom(EventView[] chunk, List<RunEvent> into) {
        for (EventView e : chunk) {
            RunEvent event = switch (e.type()) {
                case "gil_wait" -> new RunEvent.GilWait(e.seq(), e.ns(), e.lane(), e.task());
                case "gil_taken" -> new RunEvent.GilTaken(e.seq(), e.ns(), e.lane(), e.task());
                case "gil_released" -> new RunEvent.GilReleased(e.seq(), e.ns(), e.lane(), e.task());
                case "limit_wait" -> new RunEvent.LimitWait(e.seq(), e.ns(), e.lane(), e.task(), e.limit());
                case "limit_taken" -> new RunEvent.LimitTaken(e.seq(), e.ns(), e.lane(), e.task(), e.limit());
                default -> null;
            };
            if (event != null) {
                into.add(event);
            }
        }
    }

    static List<RunEvent> of(List<String> chunks, java.util.function.Function<String, EventView[]> read) {
        var events = new ArrayList<RunEvent>();
        for (String chunk : chunks) {
            addFrom(read.apply(chunk), events);
        }
        return events;
    }
}
