package org.eigenstudy.backend.domain;

import java.util.List;
import org.eigenstudy.studyconfig.Problem;

/**
 * A request the domain refuses, for a reason the caller can fix. Services throw it with a {@link
 * Kind}; the HTTP layer ({@code web.ProblemMapper}) is the one place that turns a kind into a
 * status code, so no service knows about HTTP.
 */
public class DomainException extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        /** The request cannot be read: a parameter of the wrong type or format. */
        MALFORMED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** What the request names does not exist (or the caller may not know that it does). */
        NOT_FOUND,
        /** The request clashes with the current state (already taken part, study closed, ...). */
        CONFLICT,
        /** The request can be read but breaks a rule; every broken rule is listed. */
        INVALID,
        /** Too many requests of this kind from this caller; try again later. */
        RATE_LIMITED
    }

    private final Kind kind;
    private final List<Problem> problems;

    public DomainException(Kind kind, List<Problem> problems) {
        super(problems.get(0).message());
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public DomainException(Kind kind, String message, String field, String rule) {
        this(kind, List.of(Problem.of(field, rule, message)));
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, what + " not found", null, "not-found");
    }

    public static DomainException conflict(String message, String rule) {
        return new DomainException(Kind.CONFLICT, message, null, rule);
    }

    public static DomainException invalid(String message, String field, String rule) {
        return new DomainException(Kind.INVALID, message, field, rule);
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
