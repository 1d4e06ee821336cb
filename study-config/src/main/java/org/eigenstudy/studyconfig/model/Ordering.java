package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Order of trials within a session: fully shuffled, or grouped by axis class (block order
 * shuffled).
 */
public enum Ordering implements ConfigEnum {
    RANDOM("random"),
    BLOCKED("blocked");

    private final String yamlName;

    Ordering(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static Ordering fromYaml(String name) {
        return ConfigEnum.require(Ordering.class, name);
    }
}
