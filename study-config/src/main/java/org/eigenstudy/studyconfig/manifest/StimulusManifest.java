package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code manifest.json} in a stimuli folder: what geometry-core rendered for one study and how. The
 * backend imports it; {@link StimulusManifests} reads and writes it deterministically.
 *
 * @param schema always {@link #SCHEMA}
 * @param study the study slug
 * @param configSha256 SHA-256 (hex) of the config part the stimuli were made from ({@link
 *     StimuliFingerprint}); manifests of earlier releases hold the whole YAML text's
 * @param generatedBy the tool that wrote it (no timestamps, so reruns are byte-identical)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"schema", "study", "config_sha256", "generated_by", "models"})
public record StimulusManifest(
        String schema,
        String study,
        String configSha256,
        GeneratedBy generatedBy,
        List<ManifestModel> models) {

    public static final String SCHEMA = "eigenstudy-manifest/1";

    public StimulusManifest {
        models = models == null ? null : List.copyOf(models);
    }

    /** The model with this id, if any. */
    public java.util.Optional<ManifestModel> model(String id) {
        return models.stream().filter(model -> model.id().equals(id)).findFirst();
    }
}
