package dev.interleave.api;

import dev.interleave.service.ServiceException;

/** The {@code ?format=} of answers that can also come as JUnit XML (budgets for CI). */
final class Formats {

    /** JUnit XML as CI systems read it. */
    static final String JUNIT = "application/xml; charset=utf-8";

    private Formats() {}

    /** True for {@code junit}; false when absent or {@code json}; 400 for anything else. */
    static boolean junit(String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return false;
        }
        if (format.equals("junit")) {
            return true;
        }
        throw new ServiceException.BadInput(
                "format must be json or junit, was \"" + ProblemMappers.printable(format) + "\"");
    }
}
