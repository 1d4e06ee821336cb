package org.eigenstudy.studyconfig.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to one YAML mapping. Every key asked for becomes a known key; {@link
 * #finish()} reports the keys nobody asked for. A reader for a missing or malformed section answers
 * defaults silently, so one mistake yields one problem rather than a cascade.
 */
final class MappingReader {
    private final MappingNode node;
    private final Node anchor;
    private final String path;
    private final ProblemSink sink;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private MappingReader(MappingNode node, Node anchor, String path, ProblemSink sink) {
        this.node = node;
        this.anchor = anchor;
        this.path = path;
        this.sink = sink;
        if (node != null) {
            collectEntries();
        }
    }

    /** A reader over {@code node}, reporting a problem when it is not a mapping. */
    static MappingReader of(Node node, String path, ProblemSink sink, String expectation) {
        if (node instanceof MappingNode mapping) {
            sink.locate(path, node);
            return new MappingReader(mapping, node, path, sink);
        }
        sink.add(node, label(path), "must be " + expectation + ", got " + Scalars.describe(node));
        return new MappingReader(null, node, path, sink);
    }

    String path() {
        return path;
    }

    Node anchor() {
        return anchor;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of {@code key} when present (an explicit null is present). */
    Optional<Node> value(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        sink.locate(child(key), tuple.getValueNode());
        return Optional.of(tuple.getValueNode());
    }

    /** Reports a missing required field once, at the mapping that should hold it. */
    void missing(String key, String what) {
        if (node != null) {
            sink.add(node, child(key), "required " + what + " is missing");
        }
    }

    /** An optional sub-section; absent or null reads as all defaults. */
    MappingReader section(String key) {
        return value(key)
                .filter(v -> !Scalars.isNull(v))
                .map(v -> of(v, child(key), sink, "a mapping"))
                .orElseGet(() -> new MappingReader(null, anchor, child(key), sink));
    }

    /** A required sub-section; a missing one is one problem. */
    MappingReader requiredSection(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            missing(key, "section");
            return new MappingReader(null, anchor, child(key), sink);
        }
        return of(value.get(), child(key), sink, "a mapping");
    }

    String requiredString(String key, StringRule rule) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            missing(key, "field");
            return null;
        }
        return checkedString(key, value.get(), rule, false);
    }

    String string(String key, String fallback, StringRule rule) {
        return value(key).map(v -> checkedString(key, v, rule, false)).orElse(fallback);
    }

    String nullableString(String key, StringRule rule) {
        return value(key)
                .filter(v -> !Scalars.isNull(v))
                .map(v -> checkedString(key, v, rule, true))
                .orElse(null);
    }

    int integer(String key, int fallback, IntRule rule) {
        return value(key)
                .map(v -> checkedInteger(key, v, rule, false))
                .map(Long::intValue)
                .orElse(fallback);
    }

    long longInteger(String key, long fallback, IntRule rule) {
        return value(key).map(v -> checkedInteger(key, v, rule, false)).orElse(fallback);
    }

    Integer nullableInteger(String key, IntRule rule) {
        return value(key)
                .filter(v -> !Scalars.isNull(v))
                .map(v -> checkedInteger(key, v, rule, true))
                .map(Long::intValue)
                .orElse(null);
    }

    double requiredNumber(String key, NumberRule rule) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            missing(key, "field");
            return Double.NaN;
        }
        Double number = checkedNumber(key, value.get(), rule, false);
        return number == null ? Double.NaN : number;
    }

    Double nullableNumber(String key, NumberRule rule) {
        return value(key)
                .filter(v -> !Scalars.isNull(v))
                .map(v -> checkedNumber(key, v, rule, true))
                .orElse(null);
    }

    boolean bool(String key, boolean fallback) {
        return value(key)
                .map(
                        v -> {
                            Optional<Boolean> flag = Scalars.bool(v);
                            if (flag.isEmpty()) {
                                wrong(key, v, "true or false");
                            }
                            return flag.orElse(fallback);
                        })
                .orElse(fallback);
    }

    <E extends Enum<E> & ConfigEnum> E enumValue(String key, Class<E> type, E fallback) {
        return value(key).map(v -> checkedEnum(child(key), v, type, false)).orElse(fallback);
    }

    <E extends Enum<E> & ConfigEnum> E nullableEnum(String key, Class<E> type) {
        return value(key)
                .filter(v -> !Scalars.isNull(v))
                .map(v -> checkedEnum(child(key), v, type, true))
                .orElse(null);
    }

    /**
     * The items of a list field, each read by {@code item} (given the node and its indexed path);
     * null when the field is absent, an empty list when it is not a list (after a problem).
     */
    <T> List<T> list(String key, ItemReader<T> item) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return null;
        }
        List<T> items = new ArrayList<>();
        if (!(value.get() instanceof SequenceNode sequence)) {
            wrong(key, value.get(), "a list");
            return items;
        }
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = child(key) + "[" + i + "]";
            sink.locate(itemPath, nodes.get(i));
            items.add(item.read(nodes.get(i), itemPath));
        }
        return items;
    }

    /** Reports every key of this mapping that no reader asked for. */
    void finish() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String suggestion =
                        Suggestions.closest(entry.getKey(), known)
                                .map(s -> " (did you mean '" + s + "'?)")
                                .orElse("");
                sink.add(
                        entry.getValue().getKeyNode(),
                        child(entry.getKey()),
                        "unknown key" + suggestion + "; allowed keys: " + String.join(", ", known));
            }
        }
    }

    /** Reads one list item. */
    interface ItemReader<T> {
        T read(Node node, String path);
    }

    <E extends Enum<E> & ConfigEnum> E checkedEnum(
            String field, Node value, Class<E> type, boolean nullable) {
        Optional<E> constant = Scalars.text(value).flatMap(text -> ConfigEnum.byName(type, text));
        if (constant.isPresent()) {
            return constant.get();
        }
        List<String> names = ConfigEnum.names(type);
        String suggestion =
                Scalars.text(value)
                        .flatMap(text -> Suggestions.closest(text, names))
                        .map(s -> " (did you mean " + s + "?)")
                        .orElse("");
        sink.add(
                value,
                field,
                "must be "
                        + (nullable ? "null or " : "")
                        + "one of "
                        + String.join(", ", names)
                        + ", got "
                        + Scalars.describe(value)
                        + suggestion);
        return null;
    }

    private String checkedString(String key, Node value, StringRule rule, boolean nullable) {
        Optional<String> text = Scalars.text(value);
        if (text.isPresent() && rule.test().test(text.get())) {
            return text.get();
        }
        boolean otherScalar =
                value instanceof ScalarNode && !Tag.NULL.equals(value.getTag()) && text.isEmpty();
        sink.add(
                value,
                child(key),
                "must be "
                        + (nullable ? "null or " : "")
                        + rule.description()
                        + ", got "
                        + Scalars.describe(value)
                        + (otherScalar ? " (put it in quotes to make it text)" : ""));
        return text.orElse(null);
    }

    private Long checkedInteger(String key, Node value, IntRule rule, boolean nullable) {
        return checked(key, value, Scalars::integer, rule::accepts, rule.describe(), nullable);
    }

    private Double checkedNumber(String key, Node value, NumberRule rule, boolean nullable) {
        return checked(key, value, Scalars::number, rule::accepts, rule.describe(), nullable);
    }

    private <T> T checked(
            String key,
            Node value,
            Function<Node, Optional<T>> reader,
            java.util.function.Predicate<T> accepts,
            String expectation,
            boolean nullable) {
        Optional<T> read = reader.apply(value);
        if (read.isPresent() && accepts.test(read.get())) {
            return read.get();
        }
        wrong(key, value, (nullable ? "null or " : "") + expectation);
        return null;
    }

    /** A problem about the value of one of this mapping's keys, found by a cross-field rule. */
    void problem(Node value, String key, String message) {
        sink.add(value, child(key), message);
    }

    private void wrong(String key, Node value, String expectation) {
        sink.add(value, child(key), "must be " + expectation + ", got " + Scalars.describe(value));
    }

    private void collectEntries() {
        for (NodeTuple tuple : node.getValue()) {
            Node key = tuple.getKeyNode();
            Optional<String> name = Scalars.text(key);
            if (name.isEmpty()) {
                sink.add(
                        key, label(path), "keys must be plain names, got " + Scalars.describe(key));
                continue;
            }
            NodeTuple first = entries.putIfAbsent(name.get(), tuple);
            if (first != null) {
                sink.add(
                        key,
                        child(name.get()),
                        "duplicate key (first given at line "
                                + (first.getKeyNode().getStartMark().getLine() + 1)
                                + ", column "
                                + (first.getKeyNode().getStartMark().getColumn() + 1)
                                + ")");
            }
        }
    }

    static String label(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
