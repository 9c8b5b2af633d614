package dev.interleave.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.Ids;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the JSON API as application/problem+json, one stable type per problem. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    Response service(ServiceException e, UriInfo uri) {
        return switch (e) {
            case ServiceException.NotFound n -> problem(404, "not-found", "Not found", n.getMessage(), uri, null);
            case ServiceException.Invalid i ->
                problem(
                        422,
                        i.problem(),
                        i.title(),
                        i.getMessage(),
                        uri,
                        i.violations().stream()
                                .map(v -> new Problem.ProblemError(v.pointer(), v.code(), v.message(), v.cycle()))
                                .toList());
            case ServiceException.Conflict c ->
                problem(409, "run-finished", "The run has already finished", c.getMessage(), uri, null);
            case ServiceException.NotFinished n ->
                problem(409, "run-not-finished", "The run has not finished", n.getMessage(), uri, null);
            case ServiceException.Busy b -> busy(b, uri);
            case ServiceException.Forbidden f ->
                problem(403, "cross-site-request", "Forbidden", f.getMessage(), uri, null);
            case ServiceException.BadInput b -> problem(400, "bad-request", "Bad request", b.getMessage(), uri, null);
            case ServiceException.Refused r -> refused(r, uri);
        };
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        JsonParseException.class
    })
    Response json(JsonProcessingException e, UriInfo uri) {
        return switch (e) {
            case UnrecognizedPropertyException u ->
                problem(
                        400,
                        "unknown-field",
                        "Unknown field",
                        "unknown field \"" + u.getPropertyName() + "\" at " + pointer(u),
                        uri,
                        null);
            case MismatchedInputException m ->
                problem(
                        400,
                        "wrong-type",
                        "Wrong type",
                        "wrong type at " + pointer(m) + ": expected " + expected(m),
                        uri,
                        null);
            case JsonParseException p ->
                problem(
                        400,
                        "malformed-json",
                        "Malformed JSON",
                        "the body is not valid JSON: " + readable(p.getOriginalMessage()) + " (line "
                                + p.getLocation().getLineNr() + ", column "
                                + p.getLocation().getColumnNr() + ")",
                        uri,
                        null);
            default ->
                problem(
                        400,
                        "malformed-json",
                        "Malformed JSON",
                        "the body is not valid JSON: " + readable(e.getOriginalMessage())
                                + (e instanceof JsonMappingException m ? " at " + pointer(m) : ""),
                        uri,
                        null);
        };
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "server-error" : "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 415 -> "send JSON bodies with Content-Type: application/json";
            case 404 -> "no such resource";
            default -> title;
        };
        return problem(status, slug, title, detail, uri, null);
    }

    @ServerExceptionMapper
    Response unexpected(Exception e, UriInfo uri) {
        String correlation = Ids.random(8);
        if (clientGone(e)) {
            // The client closed the connection (an aborted upload or download): nothing of ours failed.
            LOG.debugf("client closed the connection during %s (%s)", printable(uri.getPath()), correlation);
        } else {
            LOG.errorf(e, "unexpected error %s on %s", correlation, printable(uri.getPath()));
        }
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        "/problems/server-error",
                        "Internal error",
                        500,
                        "something went wrong on our side; quote " + correlation,
                        uri.getPath(),
                        null,
                        null,
                        correlation))
                .build();
    }

    /** 429 with the limit's own type; Retry-After unless waiting does not help (a cap, not a rate). */
    private static Response busy(ServiceException.Busy b, UriInfo uri) {
        String title = switch (b.problem()) {
            case "too-many-runs" -> "Too many runs";
            case "too-many-simulations" -> "Too many simulations";
            case "too-many-tokens" -> "Too many tokens";
            default -> "Too many requests";
        };
        var response = Response.fromResponse(problem(429, b.problem(), title, b.getMessage(), uri, null));
        if (!b.retryAfter().isZero()) {
            response.header("Retry-After", Math.max(1, b.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** A class refusal; a rate-limited one (429) says when to try again. */
    private static Response refused(ServiceException.Refused r, UriInfo uri) {
        var response = Response.fromResponse(problem(r.status(), r.problem(), r.title(), r.getMessage(), uri, null));
        if (r.status() == 429) {
            response.header("Retry-After", 60);
        }
        return response.build();
    }

    /** True if {@code e} (or a cause) says the client closed the connection. */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request path as it may be logged: control characters (CR, LF, NUL, ESC: log forging, terminal escapes) as
     * {@code \\uXXXX}, and at most 200 characters.
     */
    static String printable(String path) {
        if (path == null) {
            return "";
        }
        var out = new StringBuilder();
        for (int i = 0; i < path.length() && out.length() < 200; i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Response problem(
            int status, String slug, String title, String detail, UriInfo uri, List<Problem.ProblemError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        "/problems/" + slug,
                        title,
                        status,
                        detail,
                        uri.getPath(),
                        errors == null || errors.size() <= Problem.MAX_ERRORS
                                ? errors
                                : errors.subList(0, Problem.MAX_ERRORS),
                        errors == null || errors.size() <= Problem.MAX_ERRORS
                                ? null
                                : errors.size() - Problem.MAX_ERRORS,
                        null))
                .build();
    }

    static Response response(
            Response.Status status, String slug, String title, String detail, ContainerRequestContext request) {
        return problem(status.getStatusCode(), slug, title, detail, request.getUriInfo(), null);
    }

    /** JSON pointer of the field Jackson was reading, e.g. {@code /graph/tasks/2/ms}. */
    private static String pointer(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .map(s -> s.replace("~", "~0").replace("/", "~1"))
                .collect(Collectors.joining("/", "/", ""));
        return p.equals("/") ? "/" : p;
    }

    /**
     * Jackson's message for a client: its first line (later ones excerpt the source), without the source location
     * it embeds ({@code [Source: ...]}, which names a Jackson setting) or Java type names (in backticks).
     */
    static String readable(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        String clean = first.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll("`[^`]*`", "a value")
                .trim();
        return clean.isEmpty() ? "unreadable" : clean;
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
