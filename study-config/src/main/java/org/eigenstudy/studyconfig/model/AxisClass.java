package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Which kind of direction a stimulus axis is: the condition a study compares. The metric's own axes
 * come in three classes (a top eigenvector, a random unit vector orthogonal to the top eigenspace,
 * a bottom eigenvector); every other direction method is one class of its own (GANSpace's principal
 * components, SeFa's factorisation, isotropic random vectors, a researcher's imported vectors), so
 * a study that compares methods is a study over these classes and the same balancing, statistics
 * and reports apply. This is the one definition for every module: the declaration order is the
 * order of tables, reports and plots, and the lower-case {@link #label()} is the name in YAML, the
 * manifest, the database and JSON.
 */
public enum AxisClass implements ConfigEnum {
    TOP("top", "hessian"),
    ORTHOGONAL("orthogonal", "hessian"),
    BOTTOM("bottom", "hessian"),
    GANSPACE("ganspace", "ganspace"),
    SEFA("sefa", "sefa"),
    RANDOM("random", "random"),
    IMPORTED("imported", "imported");

    private final String yamlName;
    private final String method;

    AxisClass(String yamlName, String method) {
        this.yamlName = yamlName;
        this.method = method;
    }

    /**
     * The direction method that makes axes of this class: {@code hessian} for the metric's three
     * classes, the class's own name otherwise.
     */
    public String method() {
        return method;
    }

    /** True for the metric's top and bottom eigenvectors, the only axes with an eigenvalue. */
    public boolean isEigenvector() {
        return this == TOP || this == BOTTOM;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    private static final AxisClass[] ALL = values();

    private static final String NAMES = String.join(", ", ConfigEnum.names(AxisClass.class));

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
                "unknown axis class '" + label + "' (expected one of " + NAMES + ")");
    }
}
