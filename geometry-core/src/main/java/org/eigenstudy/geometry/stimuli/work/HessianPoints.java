package org.eigenstudy.geometry.stimuli.work;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.eigenstudy.geometry.hessian.FullHessian;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.LatentCodes;
import org.eigenstudy.geometry.stimuli.LatentSampler;
import org.eigenstudy.geometry.stimuli.ModelPlan;
import org.eigenstudy.geometry.stimuli.StimulusProgress;
import org.ejml.data.DMatrixRMaj;

/**
 * The random points of a model's average Hessian as independent work items: point k's code comes
 * from its own seed stream, and its Hessian is saved as one .npy as soon as it is computed, so
 * points can be split across shards and an interrupted run skips the points already on disk.
 */
public final class HessianPoints {
    public static final String STREAM = "hessian";

    private HessianPoints() {}

    /** Latent code of point {@code k}. */
    public static float[] code(ModelPlan plan, int k) {
        try (PointCodes codes = new PointCodes(plan)) {
            return codes.code(k);
        }
    }

    /**
     * The codes of a model's points, with what they come from opened once: the researcher's own
     * file (hessian.codes, checked by SpecValidator when planned) or the card's reference codes (a
     * mapped prior loads its module).
     */
    private static final class PointCodes implements AutoCloseable {
        private final ModelPlan plan;
        private List<float[]> own;
        private LatentSampler sampler;

        PointCodes(ModelPlan plan) {
            this.plan = plan;
        }

        float[] code(int k) {
            if (plan.hessianCodes() != null) {
                if (own == null) {
                    own = LatentCodes.read(plan.hessianCodes(), plan.dim());
                }
                return own.get(k);
            }
            if (sampler == null) {
                sampler =
                        new LatentSampler(
                                plan, plan.spec().stimuli().referencePrior().truncation());
            }
            return sampler.sample(plan.spec().stimuli().seed(), STREAM, k);
        }

        @Override
        public void close() {
            if (sampler != null) {
                sampler.close();
            }
        }
    }

    /**
     * Computes the points in {@code indices} whose file ({@code fileOf}) is missing. The method is
     * created only when there is something to compute, because that loads the generator.
     */
    public static void compute(
            ModelPlan plan,
            List<Integer> indices,
            java.util.function.IntFunction<Path> fileOf,
            Supplier<FullHessian> method,
            StimulusProgress progress) {
        FullHessian hessian = null;
        try (PointCodes codes = new PointCodes(plan)) {
            for (int k : indices) {
                Path file = fileOf.apply(k);
                String what =
                        plan.id()
                                + " Hessian "
                                + (k + 1)
                                + "/"
                                + plan.spec().stimuli().hessian().points();
                if (Files.isRegularFile(file)) {
                    progress.advance(StimulusProgress.Unit.HESSIAN, what, true);
                    continue;
                }
                if (hessian == null) {
                    hessian = method.get();
                }
                DMatrixRMaj h = hessian.hessian(codes.code(k));
                AtomicFiles.write(
                        file,
                        tmp ->
                                Npy.write(
                                        tmp,
                                        new NpyArray(new int[] {h.numRows, h.numCols}, h.data),
                                        false));
                progress.advance(StimulusProgress.Unit.HESSIAN, what, false);
            }
        }
    }

    /** Reads one saved point Hessian. */
    public static DMatrixRMaj read(Path file) {
        NpyArray a = Npy.read(file);
        DMatrixRMaj h = new DMatrixRMaj(a.shape()[0], a.shape()[1]);
        h.setData(a.data());
        return h;
    }
}
