package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** File format of rendered stimulus frames. */
public enum ImageFormat implements ConfigEnum {
    PNG("png"),
    WEBP("webp");

    private final String yamlName;

    ImageFormat(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static ImageFormat fromYaml(String name) {
        return ConfigEnum.require(ImageFormat.class, name);
    }
}
