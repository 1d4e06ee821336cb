package org.eigenstudy.geometry.survey;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.analysis.GeometryReport;
import org.eigenstudy.geometry.analysis.Homogeneity;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.plot.HistogramPlot;
import org.eigenstudy.geometry.plot.LogSpectrumPlot;

/**
 * Writes one run folder: codes.npy [N, n] (float32 values), hessians.npy [N, n, n], eigenvalues.npy
 * [N, k], eigenvectors.npy [N, n, k] (unit columns), global_hessian.npy, global_eigenvalues.npy,
 * global_eigenvectors.npy, summary.json (settings + statistics, identical for identical settings),
 * timing.json, spectrum.png, homogeneity.png. Float64 unless noted.
 */
public final class RunWriter {
    private RunWriter() {}

    public static void write(
            Path out,
            Map<String, Object> settings,
            SurveyResult result,
            GeometryReport report,
            String title,
            Double upstreamScale) {
        int n = result.codes().get(0).length;
        int points = result.codes().size();
        double[] codes = new double[points * n];
        for (int p = 0; p < points; p++) {
            for (int i = 0; i < n; i++) {
                codes[p * n + i] = result.codes().get(p)[i];
            }
        }
        Npy.write(out.resolve("codes.npy"), new NpyArray(new int[] {points, n}, codes), false);
        writeEigens(out, "", result.eigens());
        if (!result.hessians().isEmpty()) {
            Npy.writeMatrices(out.resolve("hessians.npy"), result.hessians());
            Npy.writeMatrices(out.resolve("global_hessian.npy"), List.of(report.globalHessian()));
            writeEigens(out, "global_", List.of(report.global()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("schema", "eigenstudy-geometry-run/1");
        summary.put("settings", settings);
        Map<String, Object> statistics = statistics(report);
        if (upstreamScale != null && report.global() != null) {
            statistics.put("upstream", upstream(report, upstreamScale));
        }
        summary.put("statistics", statistics);
        Json.write(out.resolve("summary.json"), summary);
        Json.write(out.resolve("timing.json"), Map.of("seconds_per_point", result.seconds()));
        LogSpectrumPlot.write(out.resolve("spectrum.png"), report.spectrum(), title);
        if (report.homogeneity() != null) {
            HistogramPlot.write(
                    out.resolve("homogeneity.png"),
                    "Metric consistency C^H, " + title,
                    new String[] {"linear", "log"},
                    new double[][] {
                        report.homogeneity().linear().values(), report.homogeneity().log().values()
                    });
        }
    }

    private static void writeEigens(Path out, String prefix, List<Eigen> eigens) {
        int points = eigens.size();
        int n = eigens.get(0).dim();
        int k = eigens.get(0).values().length;
        double[] values = new double[points * k];
        double[] vectors = new double[points * n * k];
        for (int p = 0; p < points; p++) {
            System.arraycopy(eigens.get(p).values(), 0, values, p * k, k);
            System.arraycopy(eigens.get(p).vectors().data, 0, vectors, p * n * k, n * k);
        }
        Npy.write(
                out.resolve(prefix + "eigenvalues.npy"),
                new NpyArray(new int[] {points, k}, values),
                false);
        Npy.write(
                out.resolve(prefix + "eigenvectors.npy"),
                new NpyArray(new int[] {points, n, k}, vectors),
                false);
    }

    /** The statistics block of summary.json. */
    /**
     * The global eigenvalues in the upstream code's units, for a space whose module input u is the
     * upstream code divided by {@code scale} (BigGAN's noise: z = truncation · u). By the chain
     * rule H_u = scale² H_z, so eigenvalues in z units are those in u units over scale²;
     * eigenvectors are the same directions.
     */
    private static Map<String, Object> upstream(GeometryReport r, double scale) {
        double[] values = r.global().values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] /= scale * scale;
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("scale", scale);
        u.put(
                "relation",
                "upstream code = scale * module input; eigenvalues_upstream = eigenvalues / scale^2");
        u.put("global_eigenvalues", values);
        return u;
    }

    public static Map<String, Object> statistics(GeometryReport r) {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> spectrum = new LinkedHashMap<>();
        spectrum.put("mean", r.spectrum().mean());
        spectrum.put("p05", r.spectrum().p05());
        spectrum.put("p95", r.spectrum().p95());
        s.put("spectrum", spectrum);
        s.put("anisotropy_thresholds", List.of(0.99, 0.999, 0.9999, 0.99999));
        s.put("anisotropy_dims_mean_spectrum", r.anisotropyOfMeanSpectrum());
        if (r.global() != null) {
            s.put("global_eigenvalues", r.global().values());
            s.put("anisotropy_dims_global", r.anisotropyOfGlobal());
        }
        if (r.homogeneity() != null) {
            s.put("homogeneity", homogeneity(r.homogeneity()));
        }
        if (r.isotropyIllusion() != null) {
            var a = r.isotropyIllusion();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("of", "global Hessian");
            m.put("samples", a.samples());
            m.put("alpha_mean", a.measuredMean());
            m.put("alpha_variance", a.measuredVariance());
            m.put("predicted_mean", a.predictedMean());
            m.put("predicted_variance_2_over_n_plus_2", a.predictedVariance());
            m.put("eigenvalue_variance", a.spectrumVariance());
            s.put("random_direction_alpha", m);
        }
        return s;
    }

    public static Map<String, Object> homogeneity(Homogeneity.Result h) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : Map.of("linear", h.linear(), "log", h.log()).entrySet()) {
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("mean", e.getValue().mean());
            scale.put("std", e.getValue().std());
            scale.put("pairs", e.getValue().pairs());
            scale.put("nan_pairs", e.getValue().nanPairs());
            m.put(e.getKey(), scale);
        }
        return new java.util.TreeMap<>(m);
    }
}
