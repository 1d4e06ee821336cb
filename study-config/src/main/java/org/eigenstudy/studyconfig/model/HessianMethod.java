package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How the metric tensor is computed: exact double back-propagation, the Jacobian of the feature map
 * by finite differences, or Lanczos iteration on Hessian-vector products.
 */
public enum HessianMethod implements ConfigEnum {
    EXACT("exact"),
    FD_JACOBIAN("fd-jacobian"),
    LANCZOS("lanczos");

    private final String yamlName;

    HessianMethod(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static HessianMethod fromYaml(String name) {
        return ConfigEnum.require(HessianMethod.class, name);
    }
}
