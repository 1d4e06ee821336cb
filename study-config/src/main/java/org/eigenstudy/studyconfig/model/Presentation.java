package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a perturbation strip is shown: all frames side by side, or as a looping animation. */
public enum Presentation implements ConfigEnum {
    STRIP("strip"),
    ANIMATION("animation");

    private final String yamlName;

    Presentation(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static Presentation fromYaml(String name) {
        return ConfigEnum.require(Presentation.class, name);
    }
}
