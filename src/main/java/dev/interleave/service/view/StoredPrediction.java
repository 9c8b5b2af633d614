package dev.interleave.service.view;

import java.util.List;

/** What the service saves of a run's prediction (the {@code predicted_json} column). */
public record StoredPrediction(double makespanMs, BoundsView bounds, List<TaskView> tasks) {}
