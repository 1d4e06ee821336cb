package org.eigenstudy.studyconfig.parse;

/** An allowed integer range, optionally odd only; its description is used in error messages. */
record IntRule(long min, long max, boolean oddOnly) {

    static IntRule between(long min, long max) {
        return new IntRule(min, max, false);
    }

    static IntRule atLeast(long min) {
        return new IntRule(min, Long.MAX_VALUE, false);
    }

    static IntRule oddBetween(long min, long max) {
        return new IntRule(min, max, true);
    }

    boolean accepts(long value) {
        return value >= min && value <= max && (!oddOnly || value % 2 != 0);
    }

    String describe() {
        String kind = oddOnly ? "an odd integer" : "an integer";
        return max == Long.MAX_VALUE
                ? kind + " >= " + min
                : kind + " between " + min + " and " + max;
    }
}
