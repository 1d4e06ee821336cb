package org.eigenstudy.geometry.stimuli;

import java.util.List;
import org.eigenstudy.geometry.GeometryException;

/** A stimulus spec that cannot be rendered; one line per problem, found before any work starts. */
public final class InvalidSpecException extends GeometryException {
    private final List<String> problems;

    public InvalidSpecException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
