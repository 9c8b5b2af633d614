package dev.interleave.engine.run;

/** Where a task ended up when its run ended. */
public enum TaskState {
    PENDING,
    FINISHED,
    FAILED,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
