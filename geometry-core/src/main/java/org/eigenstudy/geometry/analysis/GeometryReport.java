package org.eigenstudy.geometry.analysis;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Every statistic of a set of metrics. {@code global} and {@code homogeneity} need full Hessians
 * and are null otherwise (Lanczos runs).
 */
public record GeometryReport(
        Spectrum spectrum,
        int[] anisotropyOfMeanSpectrum,
        DMatrixRMaj globalHessian,
        Eigen global,
        int[] anisotropyOfGlobal,
        Homogeneity.Result homogeneity,
        IsotropyIllusion isotropyIllusion) {

    public static final int ALPHA_SAMPLES = 20_000;

    public static GeometryReport of(List<DMatrixRMaj> hessians, List<Eigen> eigens, long seed) {
        Spectrum spectrum = Spectrum.of(eigens.stream().map(Eigen::values).toList());
        int[] dims = Anisotropy.dims(spectrum.mean(), Anisotropy.THRESHOLDS);
        DMatrixRMaj average = null;
        Eigen global = null;
        int[] globalDims = null;
        Homogeneity.Result homogeneity = null;
        IsotropyIllusion illusion = null;
        if (!hessians.isEmpty()) {
            average = GlobalHessian.average(hessians);
            global = Eigen.of(average);
            globalDims = Anisotropy.dims(global.values(), Anisotropy.THRESHOLDS);
            homogeneity = hessians.size() > 1 ? Homogeneity.of(hessians, eigens) : null;
            illusion = IsotropyIllusion.sample(global.values(), ALPHA_SAMPLES, seed);
        }
        return new GeometryReport(
                spectrum, dims, average, global, globalDims, homogeneity, illusion);
    }
}
