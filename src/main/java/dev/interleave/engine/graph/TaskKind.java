package dev.interleave.engine.graph;

import java.util.Optional;

/** What a task does with the thread that runs it; the names are the public contract. */
public enum TaskKind {
    /** An awaitable wait ({@code await asyncio.sleep}): frees an event loop while it waits. */
    IO("io"),
    /** A blocking call ({@code time.sleep} inside async code): holds whatever thread runs it. */
    BLOCKING_IO("blocking_io"),
    /** Real computation for the task's duration of thread CPU time. */
    CPU("cpu");

    private final String wireName;

    TaskKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True when the task occupies the thread that runs it for its whole duration on an event loop. */
    public boolean holdsLoop() {
        return this != IO;
    }

    public static Optional<TaskKind> fromWireName(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "io" -> IO;
                    case "blocking_io" -> BLOCKING_IO;
                    case "cpu" -> CPU;
                    case null, default -> null;
                });
    }
}
