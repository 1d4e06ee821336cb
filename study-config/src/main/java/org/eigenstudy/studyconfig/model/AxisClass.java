package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Which kind of direction a stimulus axis is: a top eigenvector, a random unit vector orthogonal to
 * the top eigenspace, or a bottom eigenvector. This is the one definition for every module: the
 * declaration order (top, orthogonal, bottom) is the order of tables, reports and plots, and the
 * lower-case {@link #label()} is the name in YAML, the manifest, the database and JSON.
 */
public enum AxisClass implements ConfigEnum {
    TOP("top"),
    ORTHOGONAL("orthogonal"),
    BOTTOM("bottom");

    private final String yamlName;

    AxisClass(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    private static final AxisClass[] ALL = values();

    @JsonCreator
    public static AxisClass fromYaml(String name) {
        return ConfigEnum.require(AxisClass.class, name);
    }

    /** The lower-case name (same as {@link #yamlName()}), as stored and serialised. */
    public String label() {
        return yamlName;
    }

    /**
     * The class named {@code label}. A plain loop over a cached array: the statistics call this
     * once per response row, where a stream per call would show in the 1M-row benchmark.
     */
    public static AxisClass fromLabel(String label) {
        for (AxisClass c : ALL) {
            if (c.yamlName.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown axis class '" + label + "' (expected top, orthogonal or bottom)");
    }
}
