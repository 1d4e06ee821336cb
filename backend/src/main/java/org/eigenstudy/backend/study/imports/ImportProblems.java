package org.eigenstudy.backend.study.imports;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.backend.api.ApiException;
import org.eigenstudy.backend.api.ApiProblem;

/** Collects every problem of an import so the researcher sees them all at once, one per line. */
final class ImportProblems {

    private final List<ApiProblem> problems = new ArrayList<>();

    void add(String field, String rule, String message) {
        problems.add(new ApiProblem(message, field, rule));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ApiException(422, problems);
        }
    }
}
