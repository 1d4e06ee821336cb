package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Which kind of direction a stimulus axis is: a top eigenvector, a random unit vector orthogonal to
 * the top eigenspace, or a bottom eigenvector.
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

    @JsonCreator
    public static AxisClass fromYaml(String name) {
        return ConfigEnum.require(AxisClass.class, name);
    }
}
