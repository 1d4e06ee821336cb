package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ImageDistance;

/**
 * The stimuli of one model entry of the study config.
 *
 * @param id the model id from the study config
 * @param space the latent space explored
 * @param cardSha256 SHA-256 (hex) of the model card file used
 * @param exploration the exploration actually used (the config's, or the card's default)
 * @param distance d: frames go from -d to +d
 * @param steps the step value of each frame, ascending; same length as every strip's frames
 * @param imageDistance the distance used for {@code frame_distances}
 * @param references the reference codes, indexed 0..n-1
 * @param axes every axis, grouped by class then rank
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "id",
    "space",
    "card_sha256",
    "exploration",
    "distance",
    "steps",
    "image_distance",
    "references",
    "axes"
})
public record ManifestModel(
        String id,
        String space,
        String cardSha256,
        Exploration exploration,
        double distance,
        List<Double> steps,
        ImageDistance imageDistance,
        List<ManifestReference> references,
        List<ManifestAxis> axes) {

    public ManifestModel {
        steps = steps == null ? null : List.copyOf(steps);
        references = references == null ? null : List.copyOf(references);
        axes = axes == null ? null : List.copyOf(axes);
    }
}
