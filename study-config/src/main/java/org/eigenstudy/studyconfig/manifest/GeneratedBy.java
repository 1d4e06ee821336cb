package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.TreeMap;

/**
 * The program that wrote a manifest: its name, version and any facts worth keeping (engine, device,
 * library versions); {@code details} is written sorted by key.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"tool", "version", "details"})
public record GeneratedBy(String tool, String version, Map<String, String> details) {

    public GeneratedBy {
        details =
                details == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
