package org.eigenstudy.studyconfig.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.studyconfig.ConfigSource;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.Problems;
import org.eigenstudy.studyconfig.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects every problem of one parse into {@link Problems}, and remembers where each present field
 * was found so that cross-field checks can point at it.
 */
final class ProblemSink {
    private final String source;
    private final Problems problems = new Problems();
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

    ProblemSink(String source) {
        this.source = source;
    }

    void add(Node node, String field, String message) {
        add(node == null ? null : node.getStartMark(), field, message);
    }

    void add(Mark mark, String field, String message) {
        SourceLocation at = location(mark);
        problems.add(new Problem(source, at.line(), at.column(), field, message));
    }

    /** A problem at {@code field}'s location, or its closest present ancestor's. */
    void addAtField(String field, String message) {
        SourceLocation at = ConfigSource.nearest(locations, field);
        at = at == null ? new SourceLocation(1, 1) : at;
        problems.add(new Problem(source, at.line(), at.column(), field, message));
    }

    void locate(String field, Node node) {
        locations.putIfAbsent(field, location(node.getStartMark()));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Problems in file order; cross-field checks are reported where the later field is. */
    List<Problem> problems() {
        return problems.inFileOrder();
    }

    Map<String, SourceLocation> locations() {
        return locations;
    }

    private static SourceLocation location(Mark mark) {
        // SnakeYAML marks are 0-based; editors and compilers count from 1.
        return mark == null
                ? new SourceLocation(1, 1)
                : new SourceLocation(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
