package org.eigenstudy.geometry.stimuli.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.eigenstudy.geometry.analysis.Anisotropy;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.analysis.Homogeneity;
import org.eigenstudy.geometry.analysis.Spectrum;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.plot.HistogramPlot;
import org.eigenstudy.geometry.plot.LogSpectrumPlot;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.geometry.stimuli.work.HessianPoints;
import org.eigenstudy.geometry.survey.RunWriter;
import org.ejml.data.DMatrixRMaj;

/**
 * A model's geometry next to its contact sheet: the spectrum of the N Hessian points (log scale,
 * 5–95 % band), the histogram of their pairwise consistency C^H, and a JSON summary of both. The
 * three files are made once in the model's work folder (so a fingerprint change discards them with
 * the Hessians they came from) and copied into {@code sheets/} on every run.
 */
public final class ModelGeometry {
    public static final String SCHEMA = "eigenstudy-model-geometry/1";
    static final String SPECTRUM = "-spectrum.png";
    static final String HOMOGENEITY = "-homogeneity.png";
    static final String SUMMARY = "-geometry.json";

    private ModelGeometry() {}

    /**
     * @param points how many Hessian points the model has; {@code pointFiles} says where each lies
     * @param averageEigenvalues the average Hessian's spectrum (for its anisotropy dims)
     * @param workFolder the model's geometry work folder
     */
    public static void write(
            String modelId,
            String title,
            int points,
            IntFunction<Path> pointFiles,
            double[] averageEigenvalues,
            Path workFolder,
            Path sheets) {
        Path summary = workFolder.resolve(modelId + SUMMARY);
        // The summary is written last, so its presence means all three files are complete.
        if (!Files.isRegularFile(summary)) {
            compute(modelId, title, points, pointFiles, averageEigenvalues, workFolder);
        }
        for (String suffix : new String[] {SPECTRUM, HOMOGENEITY, SUMMARY}) {
            Path made = workFolder.resolve(modelId + suffix);
            if (Files.isRegularFile(made)) {
                try {
                    AtomicFiles.write(sheets.resolve(modelId + suffix), Files.readAllBytes(made));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void compute(
            String modelId,
            String title,
            int points,
            IntFunction<Path> pointFiles,
            double[] averageEigenvalues,
            Path workFolder) {
        List<DMatrixRMaj> hessians = new ArrayList<>();
        List<Eigen> eigens = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            DMatrixRMaj h = HessianPoints.read(pointFiles.apply(k));
            hessians.add(h);
            eigens.add(Eigen.of(h));
        }
        Spectrum spectrum = Spectrum.of(eigens.stream().map(Eigen::values).toList());
        // C^H needs at least one pair of points.
        Homogeneity.Result homogeneity = points > 1 ? Homogeneity.of(hessians, eigens) : null;
        AtomicFiles.write(
                workFolder.resolve(modelId + SPECTRUM),
                tmp ->
                        LogSpectrumPlot.write(
                                tmp, spectrum, "Spectrum of " + title + ", " + points + " points"));
        if (homogeneity != null) {
            AtomicFiles.write(
                    workFolder.resolve(modelId + HOMOGENEITY),
                    tmp ->
                            HistogramPlot.write(
                                    tmp,
                                    "Metric consistency C^H, " + title,
                                    new String[] {"linear", "log"},
                                    new double[][] {
                                        homogeneity.linear().values(), homogeneity.log().values()
                                    }));
        }
        Map<String, Object> json = summary(modelId, points, spectrum, averageEigenvalues);
        json.put("homogeneity", homogeneity == null ? null : RunWriter.homogeneity(homogeneity));
        AtomicFiles.write(workFolder.resolve(modelId + SUMMARY), tmp -> Json.write(tmp, json));
    }

    private static Map<String, Object> summary(
            String modelId, int points, Spectrum spectrum, double[] averageEigenvalues) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", SCHEMA);
        json.put("model", modelId);
        json.put("points", points);
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("mean", spectrum.mean());
        band.put("p05", spectrum.p05());
        band.put("p95", spectrum.p95());
        json.put("spectrum", band);
        json.put("anisotropy_thresholds", Anisotropy.THRESHOLDS);
        json.put(
                "anisotropy_dims_mean_spectrum",
                Anisotropy.dims(spectrum.mean(), Anisotropy.THRESHOLDS));
        json.put(
                "anisotropy_dims_average_hessian",
                Anisotropy.dims(averageEigenvalues, Anisotropy.THRESHOLDS));
        return json;
    }
}
