package org.eigenstudy.studyconfig.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum whose values are written in YAML and JSON by a lower-case name (which may contain '-', so
 * the Java constant name cannot be used directly).
 */
public interface ConfigEnum {

    @JsonValue
    String yamlName();

    /** The constant whose YAML name is {@code name}, if any. */
    static <E extends Enum<E> & ConfigEnum> Optional<E> byName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.yamlName().equals(name))
                .findFirst();
    }

    /** Like {@link #byName} but throws, for Jackson and code that already validated the name. */
    static <E extends Enum<E> & ConfigEnum> E require(Class<E> type, String name) {
        return byName(type, name)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "'" + name + "' is not one of " + names(type)));
    }

    /** The allowed YAML names, in declaration order. */
    static <E extends Enum<E> & ConfigEnum> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnum::yamlName).toList();
    }
}
