package org.eigenstudy.backend.web;

import java.util.List;

/**
 * The JSON body of every refused request. The top-level fields repeat the first problem so that a
 * client that reads only {@code error} still gets the essential message.
 */
public record ApiError(String error, String field, String rule, List<ApiProblem> problems) {

    public static ApiError of(List<ApiProblem> problems) {
        ApiProblem first = problems.get(0);
        return new ApiError(first.error(), first.field(), first.rule(), List.copyOf(problems));
    }

    public static ApiError of(String error, String field, String rule) {
        return of(List.of(new ApiProblem(error, field, rule)));
    }
}
