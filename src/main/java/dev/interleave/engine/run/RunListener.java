package dev.interleave.engine.run;

import java.util.List;

/**
 * Receives a run's events. Called on a dispatcher thread the engine owns, never on the scheduler's thread, in
 * sequence order, in batches; a slow listener delays only its own deliveries, never the run. The last batch
 * ends with {@link RunEvent.RunFinished}.
 */
@FunctionalInterface
public interface RunListener {

    RunListener NONE = batch -> {};

    void onEvents(List<RunEvent> batch);
}
