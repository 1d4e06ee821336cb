package org.eigenstudy.studyconfig.parse;

/** An allowed range of finite numbers; its description is used in error messages. */
record NumberRule(double min, boolean minInclusive, double max, boolean maxInclusive) {

    static NumberRule positive() {
        return new NumberRule(0, false, Double.POSITIVE_INFINITY, false);
    }

    static NumberRule above(double min, double maxInclusive) {
        return new NumberRule(min, false, maxInclusive, true);
    }

    boolean accepts(double value) {
        return Double.isFinite(value)
                && (minInclusive ? value >= min : value > min)
                && (maxInclusive ? value <= max : value < max);
    }

    String describe() {
        if (max == Double.POSITIVE_INFINITY) {
            return "a number " + (minInclusive ? ">= " : "> ") + format(min);
        }
        return "a number in "
                + (minInclusive ? "[" : "(")
                + format(min)
                + ", "
                + format(max)
                + (maxInclusive ? "]" : ")");
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
