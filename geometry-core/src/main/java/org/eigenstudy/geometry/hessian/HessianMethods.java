package org.eigenstudy.geometry.hessian;

import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.distance.ImageMetric;

/** Builds the method a {@link HessianSettings} names. */
public final class HessianMethods {
    private HessianMethods() {}

    /** A full-matrix method; lanczos has none (use {@link #eigen}). */
    public static FullHessian full(HessianSettings s, ImageMetric metric) {
        return switch (s.method()) {
            case "exact" -> new ExactHessian(metric, Math.min(s.batch(), metric.dim()));
            case "serial" -> new SerialHessian(metric);
            case "fd-jacobian" -> new FdJacobianHessian(metric, s.epsilonOrDefault(), s.batch());
            default -> throw new IllegalArgumentException(s.method() + " gives no full Hessian");
        };
    }

    /** Top-k eigenpairs of a Lanczos setting, or all eigenpairs of a full method. */
    public static Eigen eigen(HessianSettings s, ImageMetric metric, float[] z0) {
        if (s.isFull()) {
            return Eigen.of(full(s, metric).hessian(z0));
        }
        return lanczos(s, metric).topK(z0);
    }

    public static LanczosEigensolver lanczos(HessianSettings s, ImageMetric metric) {
        int n = metric.dim();
        int k = Math.min(s.k(), n);
        int steps = s.steps() != null ? s.steps() : LanczosEigensolver.defaultSteps(n, k);
        return new LanczosEigensolver(
                metric, k, Math.max(k, steps), s.hvp(), s.epsilonOrDefault(), s.seed());
    }
}
