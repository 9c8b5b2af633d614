package dev.interleave.service.guess;

/**
 * The tolerances of grading, in one place. A guess is correct within 5 % of the truth (at least 20 ms, so a
 * 0 ms truth can be hit); a guess is "near" a misconception's number within 10 % of it (at least 50 ms), wider
 * because people round what they add up in their head.
 */
final class Scoring {

    private Scoring() {}

    static double correctToleranceMs(double truthMs) {
        return Math.max(0.05 * Math.abs(truthMs), 20);
    }

    static boolean correct(double guessMs, double truthMs) {
        return Math.abs(guessMs - truthMs) <= correctToleranceMs(truthMs);
    }

    /** The guess matches a model's number that is itself clearly not the truth. */
    static boolean nearWrongModel(double guessMs, double modelMs, double truthMs) {
        double tolerance = Math.max(0.10 * Math.abs(modelMs), 50);
        return Math.abs(guessMs - modelMs) <= tolerance && !correct(modelMs, truthMs) && !correct(guessMs, truthMs);
    }

    /** 100 when correct, else 100 × (1 − relative error), never below 0. */
    static int score(double guessMs, double truthMs) {
        if (correct(guessMs, truthMs)) {
            return 100;
        }
        double relative = Math.abs(guessMs - truthMs) / Math.max(Math.abs(truthMs), 1);
        return (int) Math.round(100 * Math.max(0, 1 - relative));
    }
}
