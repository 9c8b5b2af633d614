package dev.interleave.service.classroom;

/**
 * What a teacher sends to open a class on a challenge.
 *
 * @param pacing       {@code teacher} (default: the teacher reveals and advances) or {@code self}
 * @param variants     true: each student's durations are perturbed from a seed, graded on their own variant
 * @param tolerancePct a numeric guess within this many percent of the truth counts as correct on the dashboard
 *                     (default 10, 0..100)
 */
public record NewClass(String challengeId, String pacing, Boolean variants, Double tolerancePct) {}
