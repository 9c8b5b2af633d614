package dev.interleave.service.classroom;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses in equal bins from the smallest to the largest of the guesses and the truth (so the truth's mark is
 * always inside), at most {@value #BINS} bins; the last bin includes its upper edge. {@code truth} is null when
 * there is no single truth to mark.
 */
public record Histogram(List<Bin> bins, Double truth) {

    static final int BINS = 10;

    public record Bin(double from, double to, int count) {}

    public static Histogram of(List<Double> values, Double truth) {
        if (values.isEmpty()) {
            return new Histogram(List.of(), truth);
        }
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (truth != null) {
            lo = Math.min(lo, truth);
            hi = Math.max(hi, truth);
        }
        if (hi == lo) {
            return new Histogram(List.of(new Bin(lo, hi, values.size())), truth);
        }
        double width = (hi - lo) / BINS;
        int[] counts = new int[BINS];
        for (double v : values) {
            counts[Math.min(BINS - 1, (int) ((v - lo) / width))]++;
        }
        var bins = new ArrayList<Bin>(BINS);
        for (int i = 0; i < BINS; i++) {
            bins.add(new Bin(lo + i * width, i == BINS - 1 ? hi : lo + (i + 1) * width, counts[i]));
        }
        return new Histogram(bins, truth);
    }
}
