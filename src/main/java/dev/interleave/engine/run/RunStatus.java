package dev.interleave.engine.run;

/** How a run ended. The service adds its own states (queued, running, interrupted) around these. */
public enum RunStatus {
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
