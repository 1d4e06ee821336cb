package org.eigenstudy.geometry.bench;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.ExactHessian;
import org.eigenstudy.geometry.hessian.FdJacobianHessian;
import org.eigenstudy.geometry.hessian.HvpMode;
import org.eigenstudy.geometry.hessian.LanczosEigensolver;
import org.eigenstudy.geometry.hessian.SerialHessian;
import org.eigenstudy.geometry.memory.ProcessMemory;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.geometry.survey.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Times every method on the same codes in one process: exact, the serial one-row-per-backward
 * baseline, fd-jacobian, Lanczos top-k, and the floor of n batched forward passes of φ∘G.
 */
public final class Benchmark {
    private final ImageMetric metric;
    private final int batch;
    private final int lanczosK;

    public Benchmark(ImageMetric metric, int batch, int lanczosK) {
        this.metric = metric;
        this.batch = batch;
        this.lanczosK = lanczosK;
    }

    /** The measured rows and the matmul rate (GFLOP/s) of this machine. */
    public record Result(List<Measurement> rows, double matmulGflops, long baselineBytes) {}

    public Result run(List<float[]> codes, ProgressListener progress) {
        int n = metric.dim();
        ExactHessian exact = new ExactHessian(metric, Math.min(batch, n));
        SerialHessian serial = new SerialHessian(metric);
        FdJacobianHessian fd =
                new FdJacobianHessian(metric, FdJacobianHessian.DEFAULT_EPSILON, batch);
        LanczosEigensolver lanczos =
                new LanczosEigensolver(
                        metric,
                        lanczosK,
                        LanczosEigensolver.defaultSteps(n, lanczosK),
                        HvpMode.BACKWARD,
                        0,
                        0);
        // Warm-up: first calls pay for allocator growth and lazy libtorch initialisation.
        exact.hessian(codes.get(0));
        fd.hessian(codes.get(0));
        forwardFloor(codes.get(0));
        long baseline = ProcessMemory.currentBytes();
        double matmul;
        try (NDManager m = metric.generator().newManager()) {
            matmul = MatmulRate.gflops(m, 2048, 5);
        }
        int total = codes.size() * 5;
        int[] done = {0};
        Runnable tick = () -> progress.progress(++done[0], total);
        List<DMatrixRMaj> reference = new ArrayList<>();
        List<Measurement> rows = new ArrayList<>();
        rows.add(
                time(
                        "exact",
                        codes,
                        z -> {
                            DMatrixRMaj h = exact.hessian(z);
                            reference.add(h);
                            tick.run();
                            return h;
                        },
                        null,
                        "chunk " + Math.min(batch, n)));
        rows.add(
                time(
                        "serial (baseline)",
                        codes,
                        z -> {
                            tick.run();
                            return serial.hessian(z);
                        },
                        reference,
                        "n backward passes"));
        rows.add(
                time(
                        "fd-jacobian",
                        codes,
                        z -> {
                            tick.run();
                            return fd.hessian(z);
                        },
                        reference,
                        "eps " + FdJacobianHessian.DEFAULT_EPSILON + ", batch " + batch));
        rows.add(
                time(
                        "lanczos top-" + lanczosK,
                        codes,
                        z -> {
                            tick.run();
                            Eigen e = lanczos.topK(z);
                            return CommonOps_DDRM.diag(e.values());
                        },
                        null,
                        LanczosEigensolver.defaultSteps(n, lanczosK) + " backward HVPs"));
        rows.add(
                time(
                        "n-forward floor",
                        codes,
                        z -> {
                            tick.run();
                            forwardFloor(z);
                            return null;
                        },
                        null,
                        n + " forward passes of phi(G), batch " + batch));
        return new Result(rows, matmul, baseline);
    }

    private Measurement time(
            String name,
            List<float[]> codes,
            Function<float[], DMatrixRMaj> body,
            List<DMatrixRMaj> reference,
            String note) {
        ProcessMemory.reset();
        double seconds = 0;
        double worst = 0;
        for (int p = 0; p < codes.size(); p++) {
            long start = System.nanoTime();
            DMatrixRMaj h = body.apply(codes.get(p));
            seconds += (System.nanoTime() - start) / 1e9;
            if (reference != null) {
                worst = Math.max(worst, relative(h, reference.get(p)));
            }
        }
        return new Measurement(
                name,
                seconds / codes.size(),
                ProcessMemory.peakBytes(),
                reference == null ? Double.NaN : worst,
                note);
    }

    /** The n-column Jacobian floor: n codes through φ∘G, no gradients. */
    private void forwardFloor(float[] z0) {
        int n = z0.length;
        float[][] codes = new float[n][];
        Arrays.fill(codes, z0);
        try (NDManager m = metric.generator().newManager();
                NoGrad noGrad = new NoGrad()) {
            for (int start = 0; start < n; start += batch) {
                float[][] slice = Arrays.copyOfRange(codes, start, Math.min(n, start + batch));
                metric.features(m, m.create(slice), false).toFloatArray();
            }
        }
    }

    private static double relative(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = a.copy();
        CommonOps_DDRM.subtractEquals(d, b);
        return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(b);
    }
}
