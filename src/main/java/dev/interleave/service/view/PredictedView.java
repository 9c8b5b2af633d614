package dev.interleave.service.view;

import java.util.List;

public record PredictedView(double makespanMs, List<TaskView> tasks) {}
