package org.eigenstudy.studyconfig.sheets;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * {@code sheets/<model>-geometry.json}: a model's metric geometry over its N Hessian points,
 * written by geometry-core's stimuli pipeline and shown by the backend's dashboard. JSON has no
 * NaN, so an undefined number (a C^H of constant spectra, say) is written as {@code null} and read
 * back as NaN ({@link ModelGeometrySummaries}); the JSON Schema is {@code
 * schema/model-geometry.schema.json}.
 *
 * @param schema always {@link #SCHEMA}
 * @param model the model id of the study config
 * @param points how many Hessian points the numbers are over
 * @param spectrum the sorted spectra summarised per rank
 * @param anisotropyThresholds fractions of Σ|λ| the dims below are counted for
 * @param anisotropyDimsMeanSpectrum per threshold, the eigenpairs of the mean spectrum needed
 * @param anisotropyDimsAverageHessian per threshold, the eigenpairs of the average Hessian needed
 * @param homogeneity C^H between points; null for a single point (no pair)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "schema",
    "model",
    "points",
    "spectrum",
    "anisotropy_thresholds",
    "anisotropy_dims_mean_spectrum",
    "anisotropy_dims_average_hessian",
    "homogeneity"
})
public record ModelGeometrySummary(
        String schema,
        String model,
        int points,
        Spectrum spectrum,
        List<Double> anisotropyThresholds,
        List<Integer> anisotropyDimsMeanSpectrum,
        List<Integer> anisotropyDimsAverageHessian,
        Homogeneity homogeneity) {

    public static final String SCHEMA = "eigenstudy-model-geometry/1";

    public ModelGeometrySummary {
        anisotropyThresholds = List.copyOf(anisotropyThresholds);
        anisotropyDimsMeanSpectrum = List.copyOf(anisotropyDimsMeanSpectrum);
        anisotropyDimsAverageHessian = List.copyOf(anisotropyDimsAverageHessian);
    }

    /**
     * Eigenvalues by rank (largest first) over the points: mean and the 5 % and 95 % quantiles.
     * Lists rather than arrays, so two summaries with the same numbers are equal.
     */
    public record Spectrum(
            @JsonSerialize(contentUsing = NanAsNull.Writer.class)
                    @JsonDeserialize(contentUsing = NanAsNull.Reader.class)
                    List<Double> mean,
            @JsonSerialize(contentUsing = NanAsNull.Writer.class)
                    @JsonDeserialize(contentUsing = NanAsNull.Reader.class)
                    List<Double> p05,
            @JsonSerialize(contentUsing = NanAsNull.Writer.class)
                    @JsonDeserialize(contentUsing = NanAsNull.Reader.class)
                    List<Double> p95) {
        public Spectrum {
            mean = List.copyOf(mean);
            p05 = List.copyOf(p05);
            p95 = List.copyOf(p95);
        }
    }

    /** C^H on the linear and the log scale of the eigenvalues. */
    @JsonPropertyOrder({"linear", "log"})
    public record Homogeneity(Scale linear, Scale log) {}

    /**
     * One scale's C^H over ordered pairs of points.
     *
     * @param nanPairs pairs whose C^H is undefined (left out of mean and std)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"mean", "std", "pairs", "nan_pairs"})
    public record Scale(
            @JsonSerialize(using = NanAsNull.Writer.class)
                    @JsonDeserialize(using = NanAsNull.Reader.class)
                    double mean,
            @JsonSerialize(using = NanAsNull.Writer.class)
                    @JsonDeserialize(using = NanAsNull.Reader.class)
                    double std,
            int pairs,
            int nanPairs) {}
}
