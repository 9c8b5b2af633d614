package dev.interleave.engine;

import dev.interleave.engine.sched.SchedulerSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * The sandbox every run executes in.
 *
 * @param maxWorkers      most lanes a parallel run may use (at most {@value SchedulerSpec#MAX_WORKERS})
 * @param defaultDeadline wall-clock time after which a run is stopped as timed out, unless the run sets its own
 */
public record EngineLimits(int maxWorkers, Duration defaultDeadline) {

    public static final EngineLimits DEFAULT = new EngineLimits(SchedulerSpec.MAX_WORKERS, Duration.ofSeconds(30));

    public EngineLimits {
        Objects.requireNonNull(defaultDeadline, "defaultDeadline");
        if (maxWorkers < 1 || maxWorkers > SchedulerSpec.MAX_WORKERS) {
            throw new IllegalArgumentException(
                    "maxWorkers must be from 1 to " + SchedulerSpec.MAX_WORKERS + ", was " + maxWorkers);
        }
        if (defaultDeadline.isNegative() || defaultDeadline.isZero()) {
            throw new IllegalArgumentException("defaultDeadline must be positive, was " + defaultDeadline);
        }
    }
}
