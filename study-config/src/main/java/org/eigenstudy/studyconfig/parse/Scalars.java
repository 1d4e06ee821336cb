package org.eigenstudy.studyconfig.parse;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values from composed YAML nodes. The node's resolved tag decides the type, so {@code
 * "8"} (quoted) is text and {@code 8} is an integer, exactly as a YAML loader would see them.
 */
final class Scalars {
    private Scalars() {}

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static Optional<String> text(Node node) {
        return node instanceof ScalarNode scalar && Tag.STR.equals(node.getTag())
                ? Optional.of(scalar.getValue())
                : Optional.empty();
    }

    static Optional<Long> integer(Node node) {
        if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(node.getTag())) {
            return Optional.empty();
        }
        String digits = scalar.getValue().replace("_", "");
        try {
            BigInteger value =
                    digits.startsWith("0x") || digits.startsWith("-0x")
                            ? new BigInteger(digits.replaceFirst("0x", ""), 16)
                            : new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
            return value.bitLength() < 64 ? Optional.of(value.longValue()) : Optional.empty();
        } catch (NumberFormatException notDecimal) {
            // YAML 1.1 also knows octal and sexagesimal integers; nobody means those in a study
            // file.
            return Optional.empty();
        }
    }

    /**
     * Integers and floats; infinities and NaN are returned as such for the range check to reject.
     */
    static Optional<Double> number(Node node) {
        if (Tag.INT.equals(node.getTag())) {
            return integer(node).map(Long::doubleValue);
        }
        if (!(node instanceof ScalarNode scalar) || !Tag.FLOAT.equals(node.getTag())) {
            return Optional.empty();
        }
        String value = scalar.getValue().replace("_", "").toLowerCase(Locale.ROOT);
        if (value.endsWith(".nan")) {
            return Optional.of(Double.NaN);
        }
        if (value.endsWith(".inf")) {
            return Optional.of(
                    value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> bool(Node node) {
        if (!(node instanceof ScalarNode scalar) || !Tag.BOOL.equals(node.getTag())) {
            return Optional.empty();
        }
        String value = scalar.getValue().toLowerCase(Locale.ROOT);
        return Optional.of(value.equals("true") || value.equals("yes") || value.equals("on"));
    }

    /** How a value is shown after "got" in a message. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (Tag.NULL.equals(node.getTag())) {
            return "null";
        }
        String value = scalar.getValue();
        if (value.length() > 60) {
            value = value.substring(0, 57) + "...";
        }
        return Tag.STR.equals(node.getTag()) ? "\"" + value + "\"" : value;
    }
}
