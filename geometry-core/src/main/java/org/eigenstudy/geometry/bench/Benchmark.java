package org.eigenstudy.geometry.bench;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.ExactHessian;
import org.eigenstudy.geometry.hessian.FdJacobianHessian;
import org.eigenstudy.geometry.hessian.HvpMode;
import org.eigenstudy.geometry.hessian.LanczosEigensolver;
import org.eigenstudy.geometry.hessian.SerialHessian;
import org.eigenstudy.geometry.memory.ProcessMemory;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Times the chosen methods on the same codes in one process: exact, the serial one-row-per-backward
 * baseline, fd-jacobian, Lanczos top-k, and the floor of n batched forward passes of φ∘G.
 */
public final class Benchmark {
    /** Method keys in the order they run; exact first, since the others are compared with it. */
    public static final List<String> METHODS =
            List.of("exact", "serial", "fd-jacobian", "lanczos", "floor");

    private final ImageMetric metric;
    private final int batch;
    private final int floorBatch;
    private final int lanczosK;
    private final Set<String> methods;
    private final boolean warmUp;
    private OfficialBaseline official;
    private int rowsPlanned;

    /** Adds a row for the paper's own code, compared with exact on the same codes. */
    public Benchmark withOfficial(OfficialBaseline baseline) {
        this.official = baseline;
        return this;
    }

    /**
     * {@code batch}: exact's chunk and fd-jacobian's batch; {@code floorBatch}: the floor's forward
     * batch, which may differ (a 256-px generator's forward pass is fastest at batch 1, while
     * forward-mode exact wants chunks of 16 to share its primal pass), so that both run at their
     * best in the same run.
     */
    public Benchmark(
            ImageMetric metric,
            int batch,
            int floorBatch,
            int lanczosK,
            Set<String> methods,
            boolean warmUp) {
        if (batch < 1 || floorBatch < 1) {
            throw new GeometryException(
                    "--batch and --floor-batch must be at least 1, got "
                            + batch
                            + " and "
                            + floorBatch);
        }
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw new GeometryException(
                        "unknown bench method '" + m + "' (known: " + METHODS + ")");
            }
        }
        this.metric = metric;
        this.batch = batch;
        this.floorBatch = floorBatch;
        this.lanczosK = lanczosK;
        this.methods = methods;
        this.warmUp = warmUp;
    }

    /** The measured rows and the matmul rate (GFLOP/s) of this machine. */
    public record Result(
            List<Measurement> rows, double matmulGflops, long baselineBytes, boolean warmedUp) {}

    /** One timed method: how it computes a point's result while reporting steps. */
    private interface Body {
        DMatrixRMaj run(float[] z, ProgressListener steps);
    }

    public Result run(List<float[]> codes, ProgressListener progress) {
        rowsPlanned = methods.size() + (official != null ? 1 : 0);
        int n = metric.dim();
        int chunk = Math.min(batch, n);
        ExactHessian exact = new ExactHessian(metric, chunk);
        SerialHessian serial = new SerialHessian(metric);
        FdJacobianHessian fd =
                new FdJacobianHessian(metric, FdJacobianHessian.DEFAULT_EPSILON, batch);
        int k = Math.min(lanczosK, n);
        int lanczosSteps = LanczosEigensolver.defaultSteps(n, k);
        LanczosEigensolver lanczos =
                new LanczosEigensolver(metric, k, lanczosSteps, HvpMode.BACKWARD, 0, 0);
        if (warmUp) {
            // First calls pay for allocator growth and lazy libtorch initialisation.
            exact.hessian(codes.get(0));
            fd.hessian(codes.get(0));
            forwardFloor(codes.get(0), ProgressListener.NONE);
        }
        long baseline = ProcessMemory.currentBytes();
        double matmul;
        try (NDManager m = metric.generator().newManager()) {
            matmul = MatmulRate.gflops(m, 2048, 5);
        }
        List<DMatrixRMaj> reference = new ArrayList<>();
        List<Measurement> rows = new ArrayList<>();
        if (methods.contains("exact")) {
            ExactTiming timing = new ExactTiming();
            Measurement m =
                    time(
                            "exact",
                            codes,
                            progress,
                            rows.size(),
                            (z, steps) -> {
                                timing.start();
                                DMatrixRMaj h = exact.hessian(z, timing.and(steps));
                                reference.add(h);
                                return h;
                            },
                            null,
                            "chunk " + chunk);
            rows.add(m.withNote(m.note() + timing.describe(n, chunk)));
        }
        List<DMatrixRMaj> compareWith = reference.isEmpty() ? null : reference;
        if (methods.contains("serial")) {
            rows.add(
                    time(
                            "serial (baseline)",
                            codes,
                            progress,
                            rows.size(),
                            serial::hessian,
                            compareWith,
                            "n backward passes of the retained gradient"));
        }
        if (official != null) {
            rows.add(officialRow(codes, compareWith));
        }
        if (methods.contains("fd-jacobian")) {
            rows.add(
                    time(
                            "fd-jacobian",
                            codes,
                            progress,
                            rows.size(),
                            fd::hessian,
                            compareWith,
                            "eps " + FdJacobianHessian.DEFAULT_EPSILON + ", batch " + batch));
        }
        if (methods.contains("lanczos")) {
            rows.add(
                    time(
                            "lanczos top-" + k,
                            codes,
                            progress,
                            rows.size(),
                            (z, steps) -> CommonOps_DDRM.diag(lanczos.topK(z, steps).values()),
                            null,
                            lanczosSteps + " backward HVPs"));
        }
        if (methods.contains("floor")) {
            rows.add(
                    time(
                            "n-forward floor",
                            codes,
                            progress,
                            rows.size(),
                            (z, steps) -> {
                                forwardFloor(z, steps);
                                return null;
                            },
                            null,
                            n + " forward passes of phi(G), batch " + floorBatch));
        }
        return new Result(rows, matmul, baseline, warmUp);
    }

    private Measurement time(
            String name,
            List<float[]> codes,
            ProgressListener progress,
            int methodIndex,
            Body body,
            List<DMatrixRMaj> reference,
            String note) {
        ProcessMemory.reset();
        double seconds = 0;
        double worst = 0;
        for (int p = 0; p < codes.size(); p++) {
            long start = System.nanoTime();
            int unit = methodIndex * codes.size() + p;
            DMatrixRMaj h = body.run(codes.get(p), progress.part(unit, rowsPlanned * codes.size()));
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

    private Measurement officialRow(List<float[]> codes, List<DMatrixRMaj> reference) {
        OfficialBaseline.Result r = official.run(codes);
        double worst = Double.NaN;
        if (reference != null) {
            worst = 0;
            for (int p = 0; p < codes.size(); p++) {
                worst = Math.max(worst, relative(r.hessians().get(p), reference.get(p)));
            }
        }
        double mean = r.seconds().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Measurement(OFFICIAL, mean, r.peakBytes(), worst, r.note());
    }

    /** The row name of the paper's own code; the report states exact's speed-up against it. */
    static final String OFFICIAL = "official BP (paper's code)";

    /** The n-column Jacobian floor: n codes through φ∘G, no gradients. */
    private void forwardFloor(float[] z0, ProgressListener steps) {
        int n = z0.length;
        float[][] codes = new float[n][];
        Arrays.fill(codes, z0);
        try (NDManager m = metric.generator().newManager();
                NoGrad noGrad = new NoGrad()) {
            for (int start = 0; start < n; start += floorBatch) {
                int end = Math.min(n, start + floorBatch);
                metric.features(m, m.create(Arrays.copyOfRange(codes, start, end)), false)
                        .toFloatArray();
                steps.progress(end, n);
            }
        }
    }

    private static double relative(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = a.copy();
        CommonOps_DDRM.subtractEquals(d, b);
        return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(b);
    }

    /**
     * Splits exact's time into a one-off part and the cost per column, from when its first chunk of
     * columns is done: the first chunk costs the one-off part + one chunk of columns, every later
     * chunk one chunk. In reverse mode the one-off part is the retained graph (forward +
     * differentiable VJP at {@code chunk} copies); in forward mode only φ's small graph, each chunk
     * paying its own primal pass, so timing noise can make the estimate negative: shown as 0.
     */
    private static final class ExactTiming {
        private long start;
        private long firstChunk;
        private long last;
        private int columnsAfterFirst;
        private int firstSize;

        void start() {
            start = System.nanoTime();
            firstChunk = 0;
        }

        ProgressListener and(ProgressListener steps) {
            return (d, t) -> {
                long now = System.nanoTime();
                if (firstChunk == 0) {
                    firstChunk = now;
                    firstSize = d;
                } else {
                    last = now;
                    columnsAfterFirst = d - firstSize;
                }
                steps.progress(d, t);
            };
        }

        /** The split of the last timed Hessian, or nothing when it had a single chunk. */
        String describe(int n, int chunk) {
            if (columnsAfterFirst == 0) {
                return "";
            }
            double perColumn = (last - firstChunk) / 1e9 / columnsAfterFirst;
            double graph = (firstChunk - start) / 1e9 - perColumn * firstSize;
            return String.format(
                    Locale.ROOT,
                    "; last code: one-off %.3g s + %.3g s per column (+ Gram)",
                    Math.max(0, graph),
                    perColumn);
        }
    }
}
