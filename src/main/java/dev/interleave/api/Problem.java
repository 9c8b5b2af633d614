package dev.interleave.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem; {@code errors} lists the graph's violations (the first {@link #MAX_ERRORS}; {@code
 * moreErrors} counts the rest), {@code correlationId} ties a 500 to the log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<ProblemError> errors,
        Integer moreErrors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * Violations listed in one answer: enough to fix a graph by, while an invalid graph of 100,000 edges cannot
     * make the answer many times its request (issue 15, item 7).
     */
    public static final int MAX_ERRORS = 100;

    /** One violation: JSON pointer, stable code, message, and for cycles the ids along the cycle. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProblemError(String pointer, String code, String message, List<String> cycle) {}
}
