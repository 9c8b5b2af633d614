package dev.interleave.service.classroom;

import java.util.Arrays;

/** Who moves a class from step to step: the teacher (advance, reveal), or each student at their own pace. */
public enum Pacing {
    TEACHER("teacher"),
    SELF("self");

    private final String wire;

    Pacing(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    /** The pacing with this wire name, or null. */
    public static Pacing of(String wire) {
        return Arrays.stream(values())
                .filter(p -> p.wire.equals(wire))
                .findFirst()
                .orElse(null);
    }
}
