package org.eigenstudy.backend.web;

import org.eigenstudy.studyconfig.Problem;

/**
 * One {@link Problem} as the API's JSON shows it: what, which field (may be null) and which rule it
 * broke. A problem found in a file (a study config) says where in its message, as the CLI does.
 */
public record ApiProblem(String error, String field, String rule) {

    public static ApiProblem of(Problem problem) {
        String error = problem.file() == null ? problem.message() : problem.toString();
        return new ApiProblem(error, problem.field(), problem.rule());
    }
}
