package org.eigenstudy.geometry.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.FullHessian;
import org.eigenstudy.geometry.hessian.HessianMethods;
import org.eigenstudy.geometry.hessian.HessianSettings;
import org.eigenstudy.geometry.model.ReferenceCodes;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/**
 * Computes the metric at {@code points} codes drawn from the space's prior with {@code seed} (same
 * seed and settings → same codes → same numbers).
 */
public final class MetricSurvey {
    private MetricSurvey() {}

    public static List<float[]> sampleCodes(ImageMetric metric, int points, long seed) {
        Random random = new Random(seed);
        List<float[]> codes = new ArrayList<>();
        try (ReferenceCodes source =
                ReferenceCodes.open(metric.generator().card(), metric.generator().space(), null)) {
            for (int p = 0; p < points; p++) {
                codes.add(source.draw(random));
            }
        }
        return codes;
    }

    public static SurveyResult run(
            ImageMetric metric,
            HessianSettings settings,
            List<float[]> codes,
            ProgressListener progress) {
        List<DMatrixRMaj> hessians = new ArrayList<>();
        List<Eigen> eigens = new ArrayList<>();
        double[] seconds = new double[codes.size()];
        FullHessian full = settings.isFull() ? HessianMethods.full(settings, metric) : null;
        for (int p = 0; p < codes.size(); p++) {
            long start = System.nanoTime();
            ProgressListener steps = progress.part(p, codes.size());
            if (full != null) {
                DMatrixRMaj h = full.hessian(codes.get(p), steps);
                hessians.add(h);
                eigens.add(Eigen.of(h));
            } else {
                eigens.add(HessianMethods.lanczos(settings, metric).topK(codes.get(p), steps));
            }
            seconds[p] = (System.nanoTime() - start) / 1e9;
        }
        return new SurveyResult(List.copyOf(codes), hessians, eigens, seconds);
    }
}
