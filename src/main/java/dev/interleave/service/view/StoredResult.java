package dev.interleave.service.view;

import java.util.List;

/** What the service saves of a run's measured outcome (the {@code result_json} column). */
public record StoredResult(List<TaskView> tasks, double[] utilisation, double speedupVsSequential) {}
