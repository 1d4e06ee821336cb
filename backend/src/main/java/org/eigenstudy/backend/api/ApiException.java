package org.eigenstudy.backend.api;

import java.util.List;

/**
 * A request refused for a reason the caller can fix; mapped to its status and an {@link ApiError}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<ApiProblem> problems;

    public ApiException(int status, List<ApiProblem> problems) {
        super(problems.get(0).error());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiException(int status, String error, String field, String rule) {
        this(status, List.of(new ApiProblem(error, field, rule)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", null, "not-found");
    }

    public static ApiException conflict(String error, String rule) {
        return new ApiException(409, error, null, rule);
    }

    public static ApiException invalid(String error, String field, String rule) {
        return new ApiException(422, error, field, rule);
    }

    public int status() {
        return status;
    }

    public List<ApiProblem> problems() {
        return problems;
    }
}
