package dev.interleave.service.view;

import java.util.List;

/** What is possible for the graph: lower bounds per scheduler kind and the critical path. */
public record BoundsView(
        double lowerBoundMs,
        double sequentialMs,
        double eventLoopMs,
        double parallelMs,
        int workers,
        double criticalPathMs,
        List<String> criticalPath,
        double totalWorkMs,
        double loopHoldingWorkMs) {}
