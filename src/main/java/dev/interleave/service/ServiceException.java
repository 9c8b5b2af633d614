package dev.interleave.service;

import dev.interleave.engine.graph.Violation;
import java.time.Duration;
import java.util.List;

/** Every refusal the service makes; {@code api.ProblemMappers} turns each into one problem type. */
public abstract sealed class ServiceException extends RuntimeException {

    ServiceException(String message) {
        super(message, null, false, false);
    }

    /** Unknown, or not visible to the caller: the two look the same on purpose. */
    public static final class NotFound extends ServiceException {
        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /** The request fits the contract's syntax but not its rules (graph violations, bad scheduler). */
    public static final class Invalid extends ServiceException {
        private final transient List<Violation> violations;
        private final String problem;
        private final String title;

        public Invalid(List<Violation> violations) {
            this("graph-invalid", "The graph or scheduler is invalid", violations);
        }

        /** {@code problem}: the slug of the problem type (e.g. {@code expect-invalid}) and its title. */
        public Invalid(String problem, String title, List<Violation> violations) {
            super(
                    violations.isEmpty()
                            ? "invalid request"
                            : violations.get(0).pointer() + ": "
                                    + violations.get(0).message()
                                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
            this.violations = List.copyOf(violations);
            this.problem = problem;
            this.title = title;
        }

        public List<Violation> violations() {
            return violations;
        }

        public String problem() {
            return problem;
        }

        public String title() {
            return title;
        }
    }

    /** The state forbids it, e.g. cancelling a finished run. */
    public static final class Conflict extends ServiceException {
        public Conflict(String detail) {
            super(detail);
        }
    }

    /** The run can still change, and what was asked needs it ended (its trace). */
    public static final class NotFinished extends ServiceException {
        public NotFinished(String detail) {
            super(detail);
        }
    }

    /** Admission control said no: the queue or the caller's share of it is full. */
    public static final class Busy extends ServiceException {
        private final Duration retryAfter;
        private final String problem;

        public Busy(String detail, Duration retryAfter) {
            this(detail, retryAfter, "too-many-runs");
        }

        /** {@code problem}: the slug of the problem type, e.g. {@code too-many-simulations}. */
        public Busy(String detail, Duration retryAfter, String problem) {
            super(detail);
            this.retryAfter = retryAfter;
            this.problem = problem;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        public String problem() {
            return problem;
        }
    }

    /** A cookie-authenticated write that looks cross-site. */
    public static final class Forbidden extends ServiceException {
        public Forbidden(String detail) {
            super(detail);
        }
    }

    /** Input the contract cannot read (bad paging parameters, etc.). */
    public static final class BadInput extends ServiceException {
        public BadInput(String detail) {
            super(detail);
        }
    }

    /**
     * A refusal with its own problem type (classes: a wrong join code, a closed class, a student at a teacher's
     * control, a second different answer); {@code status} is the HTTP status it maps to.
     */
    public static final class Refused extends ServiceException {
        private final int status;
        private final String problem;
        private final String title;

        public Refused(int status, String problem, String title, String detail) {
            super(detail);
            this.status = status;
            this.problem = problem;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String problem() {
            return problem;
        }

        public String title() {
            return title;
        }
    }
}
