package org.eigenstudy.geometry.stimuli.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.eigenstudy.geometry.analysis.Anisotropy;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.analysis.Homogeneity;
import org.eigenstudy.geometry.analysis.Spectrum;
import org.eigenstudy.geometry.plot.HistogramPlot;
import org.eigenstudy.geometry.plot.LogSpectrumPlot;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.geometry.stimuli.work.HessianPoints;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummaries;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummary;
import org.eigenstudy.studyconfig.sheets.SheetFiles;
import org.ejml.data.DMatrixRMaj;

/**
 * A model's geometry next to its contact sheet: the spectrum of the N Hessian points (log scale,
 * 5–95 % band), the histogram of their pairwise consistency C^H, and the {@link
 * ModelGeometrySummary} of both (names: study-config's {@link SheetFiles}). The three files are
 * made once in the model's work folder (so a fingerprint change discards them with the Hessians
 * they came from) and copied into {@code sheets/} on every run.
 */
public final class ModelGeometry {

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
        Path summary = workFolder.resolve(SheetFiles.summary(modelId));
        // The summary is written last, so its presence means all three files are complete.
        if (!Files.isRegularFile(summary)) {
            compute(modelId, title, points, pointFiles, averageEigenvalues, workFolder);
        }
        for (String name : SheetFiles.geometryFiles(modelId)) {
            Path made = workFolder.resolve(name);
            if (Files.isRegularFile(made)) {
                try {
                    AtomicFiles.write(sheets.resolve(name), Files.readAllBytes(made));
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
                workFolder.resolve(SheetFiles.spectrumPlot(modelId)),
                tmp ->
                        LogSpectrumPlot.write(
                                tmp, spectrum, "Spectrum of " + title + ", " + points + " points"));
        if (homogeneity != null) {
            AtomicFiles.write(
                    workFolder.resolve(SheetFiles.homogeneityPlot(modelId)),
                    tmp ->
                            HistogramPlot.write(
                                    tmp,
                                    "Metric consistency C^H, " + title,
                                    new String[] {"linear", "log"},
                                    new double[][] {
                                        homogeneity.linear().values(), homogeneity.log().values()
                                    }));
        }
        ModelGeometrySummary summary =
                new ModelGeometrySummary(
                        ModelGeometrySummary.SCHEMA,
                        modelId,
                        points,
                        new ModelGeometrySummary.Spectrum(
                                list(spectrum.mean()), list(spectrum.p05()), list(spectrum.p95())),
                        list(Anisotropy.THRESHOLDS),
                        ints(Anisotropy.dims(spectrum.mean(), Anisotropy.THRESHOLDS)),
                        ints(Anisotropy.dims(averageEigenvalues, Anisotropy.THRESHOLDS)),
                        homogeneity == null
                                ? null
                                : new ModelGeometrySummary.Homogeneity(
                                        scale(homogeneity.linear()), scale(homogeneity.log())));
        AtomicFiles.write(
                workFolder.resolve(SheetFiles.summary(modelId)),
                ModelGeometrySummaries.toJson(summary).getBytes(StandardCharsets.UTF_8));
    }

    private static ModelGeometrySummary.Scale scale(Homogeneity.Scale s) {
        return new ModelGeometrySummary.Scale(s.mean(), s.std(), s.pairs(), s.nanPairs());
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Integer> ints(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
