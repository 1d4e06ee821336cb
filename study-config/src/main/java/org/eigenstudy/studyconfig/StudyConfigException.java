package org.eigenstudy.studyconfig;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A study config that cannot be used; {@link #problems()} lists every problem found, in file order.
 */
public class StudyConfigException extends Exception {
    private final List<Problem> problems;

    public StudyConfigException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        String header =
                problems.size() == 1
                        ? "invalid study config:\n"
                        : "invalid study config (" + problems.size() + " problems):\n";
        return header + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
