package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How frames move away from a reference code: straight lines, or great-circle rotation on the
 * sphere of the reference's norm (for generators that normalise their input, e.g. PGGAN).
 */
public enum Exploration implements ConfigEnum {
    LINEAR("linear"),
    SPHERICAL("spherical");

    private final String yamlName;

    Exploration(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static Exploration fromYaml(String name) {
        return ConfigEnum.require(Exploration.class, name);
    }
}
