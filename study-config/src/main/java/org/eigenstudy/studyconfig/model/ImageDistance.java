package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The image distance pulled back to latent space, and used for per-frame distances. */
public enum ImageDistance implements ConfigEnum {
    MSE("mse"),
    LPIPS("lpips");

    private final String yamlName;

    ImageDistance(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static ImageDistance fromYaml(String name) {
        return ConfigEnum.require(ImageDistance.class, name);
    }
}
