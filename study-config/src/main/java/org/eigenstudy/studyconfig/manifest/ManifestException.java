package org.eigenstudy.studyconfig.manifest;

import java.io.IOException;
import java.util.List;

/**
 * A manifest that is malformed or inconsistent; {@link #problems()} lists each problem as {@code
 * <json path>: <message>}. An IOException so that callers reading a stimuli folder handle one type.
 */
public class ManifestException extends IOException {
    private final List<String> problems;

    public ManifestException(String source, List<String> problems) {
        super(
                source
                        + ": invalid stimulus manifest ("
                        + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + "):\n"
                        + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
