package dev.interleave.service.view;

/** Where and when one task ran; times in ms since run start, null where absent. */
public record TaskView(
        String id,
        String kind,
        String label,
        Integer lane,
        String state,
        Double readyMs,
        Double startMs,
        Double endMs,
        Double dueMs,
        Double callbackMs,
        Double resumedMs,
        Double stallMs,
        Double queuedMs) {}
