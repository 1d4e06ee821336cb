package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.ImageFormat;

/**
 * One image file.
 *
 * @param step the step along the axis (distance or angle)
 * @param path relative to the manifest's folder, '/'-separated, e.g. {@code demo/top-01/r0-f0.png}
 * @param sha256 SHA-256 (lower-case hex) of the file's bytes
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"step", "path", "sha256"})
public record ManifestFrame(double step, String path, String sha256) {

    /** The path convention: {@code <model>/<class>-<rank>/r<reference>-f<frame>.<format>}. */
    public static String pathFor(
            String modelId,
            AxisClass axisClass,
            int rank,
            int reference,
            int frame,
            ImageFormat format) {
        return String.format(
                Locale.ROOT,
                "%s/%s-%02d/r%d-f%d.%s",
                modelId,
                axisClass.yamlName(),
                rank,
                reference,
                frame,
                format.yamlName());
    }
}
