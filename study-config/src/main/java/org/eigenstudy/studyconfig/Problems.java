package org.eigenstudy.studyconfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every {@link Problem} of one check, so that a user sees them all at once rather than one
 * per attempt. The study-config parser, the manifest validator, geometry-core's checks and the
 * backend's request and import checks all collect into this one type.
 */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem problem) {
        problems.add(problem);
    }

    /** A problem without a file: which field, which rule, what is wrong. */
    public void add(String field, String rule, String message) {
        problems.add(Problem.of(field, rule, message));
    }

    public void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in the order they were found. */
    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** The problems in file order (line, then column); problems without a location come first. */
    public List<Problem> inFileOrder() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }
}
