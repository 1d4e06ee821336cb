package org.eigenstudy.studyconfig.manifest;

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
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"reference", "frame_distances", "frames"})
public record ManifestStrip(
        int reference, List<Double> frameDistances, List<ManifestFrame> frames) {

    public ManifestStrip {
        frameDistances = frameDistances == null ? null : List.copyOf(frameDistances);
        frames = frames == null ? null : List.copyOf(frames);
    }
}
