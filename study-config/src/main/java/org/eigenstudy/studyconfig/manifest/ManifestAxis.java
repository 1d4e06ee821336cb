package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * One direction shown to participants.
 *
 * @param id {@link #idFor} of model, space, class and rank, e.g. {@code demo-z-top-01}
 * @param axisClass the condition: top, orthogonal or bottom for the metric's axes, else the
 *     direction method (JSON key {@code class})
 * @param rank 1-based: the eigenvector's rank (1 = largest eigenvalue for top, 1 = smallest for
 *     bottom), a method's direction in its own order (GANSpace's and SeFa's by score, imported ones
 *     by row) or the random vector's number
 * @param label a name for the direction where its method gives one (an imported vector's label);
 *     null otherwise, and then absent from the JSON
 * @param eigenvalue the eigenvalue of the average metric tensor; null for orthogonal axes
 * @param alpha speed of image change along the unit vector, v'Hv/v'v
 * @param vector the unit direction in latent space
 * @param strips one strip per reference code
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"id", "class", "rank", "label", "eigenvalue", "alpha", "vector", "strips"})
public record ManifestAxis(
        String id,
        @JsonProperty("class") AxisClass axisClass,
        int rank,
        @JsonInclude(JsonInclude.Include.NON_NULL) String label,
        Double eigenvalue,
        double alpha,
        List<Double> vector,
        List<ManifestStrip> strips) {

    /** An axis without a label (every class but imported). */
    public ManifestAxis(
            String id,
            AxisClass axisClass,
            int rank,
            Double eigenvalue,
            double alpha,
            List<Double> vector,
            List<ManifestStrip> strips) {
        this(id, axisClass, rank, null, eigenvalue, alpha, vector, strips);
    }

    public ManifestAxis {
        vector = vector == null ? null : List.copyOf(vector);
        strips = strips == null ? null : List.copyOf(strips);
    }

    /** The axis id convention: {@code <model>-<space>-<class>-<rank, 2 digits>}. */
    public static String idFor(String modelId, String space, AxisClass axisClass, int rank) {
        return String.format(
                Locale.ROOT, "%s-%s-%s-%02d", modelId, space, axisClass.yamlName(), rank);
    }
}
