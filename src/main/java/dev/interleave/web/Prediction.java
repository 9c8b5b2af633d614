package dev.interleave.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Virtual-time makespans of one graph on each scheduler, for the line under the Run button, with the chosen
 * scheduler's whole simulated run (JSON) for the timeline's preview.
 *
 * @param workers    parallel processes and threads (the one workers field)
 * @param gil        whether the threads run has the GIL (off: a model of free-threaded Python)
 * @param chosen     wire name of the scheduler picked on the page
 * @param deadlineMs a real run's wall-clock deadline: a run predicted to take longer is warned about
 * @param previewJson the chosen scheduler's simulated run as {@code POST /api/v1/simulate} answers it
 */
public record Prediction(
        double sequentialMs,
        double eventLoopMs,
        double parallelMs,
        double threadsMs,
        int workers,
        boolean gil,
        String chosen,
        long deadlineMs,
        String previewJson) {

    public String seconds(double ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** One sentence per scheduler whose run would stop at the deadline; the chosen one first. */
    public List<String> deadlineWarnings() {
        var warnings = new ArrayList<String>();
        warn(warnings, "sequential", "Sequential", sequentialMs);
        warn(warnings, "event_loop", "The event loop", eventLoopMs);
        warn(warnings, "parallel", workers + " parallel workers", parallelMs);
        warn(warnings, "threads", workers + " threads", threadsMs);
        return warnings;
    }

    private void warn(List<String> warnings, String type, String name, double ms) {
        if (ms <= deadlineMs) {
            return;
        }
        String deadline = seconds(deadlineMs);
        if (type.equals(chosen)) {
            warnings.addFirst("This run will hit the " + deadline + " deadline: " + name + " is predicted to take "
                    + seconds(ms) + ", so it would be stopped at " + deadline + " with a partial timeline.");
        } else {
            warnings.add(name + " would hit the " + deadline + " deadline (predicted " + seconds(ms)
                    + "): in a comparison it would be stopped there.");
        }
    }
}
