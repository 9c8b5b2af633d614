package dev.interleave.web;

import java.util.Locale;

/** Virtual-time makespans of one graph on each scheduler, for the line under the Run button. */
public record Prediction(double sequentialMs, double eventLoopMs, double parallelMs, int workers) {

    public String seconds(double ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}
