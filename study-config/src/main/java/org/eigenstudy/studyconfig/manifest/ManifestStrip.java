package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One reference code moved along one axis.
 *
 * @param reference index into the model's references
 * @param frameDistances image distance of each frame to the reference image (0 at step 0)
 * @param frames the rendered frames, in step order
 * @param latentSteps with matched steps, the signed latent distance of each frame from the
 *     reference (ascending, 0 at the reference); null (absent from the JSON) when the model's steps
 *     are the latent distances
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"reference", "frame_distances", "latent_steps", "frames"})
public record ManifestStrip(
        int reference,
        List<Double> frameDistances,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> latentSteps,
        List<ManifestFrame> frames) {

    /** A strip at the model's (latent) steps. */
    public ManifestStrip(int reference, List<Double> frameDistances, List<ManifestFrame> frames) {
        this(reference, frameDistances, null, frames);
    }

    public ManifestStrip {
        latentSteps = latentSteps == null ? null : List.copyOf(latentSteps);
        frameDistances = frameDistances == null ? null : List.copyOf(frameDistances);
        frames = frames == null ? null : List.copyOf(frames);
    }
}
