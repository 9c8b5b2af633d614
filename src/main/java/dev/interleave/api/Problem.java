package dev.interleave.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem; {@code errors} lists every graph violation, {@code correlationId} ties a 500 to the log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<ProblemError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One violation: JSON pointer, stable code, message, and for cycles the ids along the cycle. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProblemError(String pointer, String code, String message, List<String> cycle) {}
}
