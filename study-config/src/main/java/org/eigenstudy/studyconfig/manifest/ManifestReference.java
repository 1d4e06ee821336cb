package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A reference latent code (the frame at step 0 of every strip that uses it). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"index", "code"})
public record ManifestReference(int index, List<Double> code) {

    public ManifestReference {
        code = code == null ? null : List.copyOf(code);
    }
}
