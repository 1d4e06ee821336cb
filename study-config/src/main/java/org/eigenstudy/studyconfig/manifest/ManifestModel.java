package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param distance d: frames go from -d to +d (with matched steps: the furthest latent distance
 *     searched)
 * @param steps the step value of each frame, ascending; same length as every strip's frames. With
 *     matched steps these are signed image distances (the target at the ends) and each strip's
 *     {@code latent_steps} say where its frames lie
 * @param matchedImageDistance the image distance every strip's ends were matched to; null (and
 *     absent from the JSON) for fixed latent steps
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
    "matched_image_distance",
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Double matchedImageDistance,
        ImageDistance imageDistance,
        List<ManifestReference> references,
        List<ManifestAxis> axes) {

    /** A model at fixed latent steps. */
    public ManifestModel(
            String id,
            String space,
            String cardSha256,
            Exploration exploration,
            double distance,
            List<Double> steps,
            ImageDistance imageDistance,
            List<ManifestReference> references,
            List<ManifestAxis> axes) {
        this(
                id,
                space,
                cardSha256,
                exploration,
                distance,
                steps,
                null,
                imageDistance,
                references,
                axes);
    }

    public ManifestModel {
        steps = steps == null ? null : List.copyOf(steps);
        references = references == null ? null : List.copyOf(references);
        axes = axes == null ? null : List.copyOf(axes);
    }
}
