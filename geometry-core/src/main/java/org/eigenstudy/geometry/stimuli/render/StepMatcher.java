package org.eigenstudy.geometry.stimuli.render;

import java.util.Arrays;
import java.util.Locale;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.stimuli.Numbers;
import org.eigenstudy.geometry.stimuli.frames.FramePath;
import org.eigenstudy.studyconfig.model.Exploration;

/**
 * Perceptually matched steps: on each side of the reference z0 along unit direction v, the latent
 * distances t_k (k = 1..K, K = frames / 2) at which the image distance D(t) = ‖φ(G(z0 ± t v)) −
 * φ(G(z0))‖² equals k/K · target, searched in [0, distance].
 *
 * <p>First a grid of {@value #GRID} equal steps per side, rendered in batches, finds the first grid
 * point where D reaches the target: the part of the path before it is the one the frames use (D
 * need not be monotone further out, and a frame beyond a dip would not look further away). Each
 * frame's t is then bracketed by the first grid cell where D crosses its own target and refined by
 * the Illinois variant of regula falsi (a bracketed secant: it keeps the crossing inside the
 * bracket like bisection but converges superlinearly on smooth D), all frames of both sides in one
 * batch per iteration, until |D(t) − k/K · target| ≤ {@value #TOLERANCE} · target. Everything is
 * deterministic given the engine's outputs.
 */
public final class StepMatcher {
    /** Grid points per side in the first pass. */
    public static final int GRID = 32;

    /** A frame is placed when its image distance is within this fraction of the end target. */
    public static final double TOLERANCE = 1e-3;

    /** Illinois iterations before a frame takes its bracket's closer end. */
    static final int MAX_ITERATIONS = 100;

    private final ImageMetric metric;
    private final String modelId;
    private final double distance;
    private final double target;
    private final int frames;
    private final int batch;

    /**
     * @param distance the furthest latent distance searched on each side
     * @param target the image distance of the strip's end frames
     * @param batch codes per engine call (bounds memory; the result does not depend on it)
     */
    public StepMatcher(
            ImageMetric metric,
            String modelId,
            double distance,
            double target,
            int frames,
            int batch) {
        this.metric = metric;
        this.modelId = modelId;
        this.distance = distance;
        this.target = target;
        this.frames = frames;
        this.batch = Math.max(1, batch);
    }

    /**
     * The signed latent step of each frame, ascending, 0 at the middle frame (rounded to the
     * manifest's 10 significant digits before use, so the recorded steps regenerate the images).
     * Throws a one-line {@link GeometryException} when a side never reaches the target.
     */
    public double[] latentSteps(double[] z0, double[] v, String axisId, int reference) {
        int half = frames / 2;
        double[] grid = new double[GRID + 1];
        for (int j = 0; j <= GRID; j++) {
            grid[j] = distance * j / GRID;
        }
        double[][] sides = new double[2][];
        double[][] gridDistances = new double[2][];
        for (int s = 0; s < 2; s++) {
            double sign = s == 0 ? 1 : -1;
            double[] signed = new double[GRID];
            for (int j = 1; j <= GRID; j++) {
                signed[j - 1] = sign * grid[j];
            }
            double[] d = distances(z0, v, signed);
            gridDistances[s] = new double[GRID + 1];
            System.arraycopy(d, 0, gridDistances[s], 1, GRID);
            requireReached(gridDistances[s], sign, axisId, reference);
        }
        // Brackets [lo, hi] with D(lo) < goal ≤ D(hi) per frame k and side s, k = 1..half.
        int n = 2 * half;
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] fLo = new double[n];
        double[] fHi = new double[n];
        double[] goal = new double[n];
        double[] found = new double[n];
        boolean[] done = new boolean[n];
        int[] kept = new int[n];
        for (int s = 0; s < 2; s++) {
            for (int k = 1; k <= half; k++) {
                int i = s * half + (k - 1);
                goal[i] = target * k / half;
                int j = firstAtLeast(gridDistances[s], goal[i]);
                lo[i] = grid[j - 1];
                hi[i] = grid[j];
                fLo[i] = gridDistances[s][j - 1] - goal[i];
                fHi[i] = gridDistances[s][j] - goal[i];
                if (Math.abs(fHi[i]) <= TOLERANCE * target) {
                    done[i] = true;
                    found[i] = hi[i];
                }
            }
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS && !allDone(done); iteration++) {
            int[] open = openIndices(done);
            double[] t = new double[open.length];
            double[] signed = new double[open.length];
            for (int q = 0; q < open.length; q++) {
                int i = open[q];
                t[q] = (lo[i] * fHi[i] - hi[i] * fLo[i]) / (fHi[i] - fLo[i]);
                if (!(t[q] > lo[i] && t[q] < hi[i])) {
                    t[q] = 0.5 * (lo[i] + hi[i]);
                }
                signed[q] = i < half ? t[q] : -t[q];
            }
            double[] d = distances(z0, v, signed);
            for (int q = 0; q < open.length; q++) {
                int i = open[q];
                double f = d[q] - goal[i];
                if (Math.abs(f) <= TOLERANCE * target) {
                    done[i] = true;
                    found[i] = t[q];
                } else if (f < 0) {
                    lo[i] = t[q];
                    fLo[i] = f;
                    if (kept[i] == -1) {
                        fHi[i] /= 2;
                    }
                    kept[i] = -1;
                } else {
                    hi[i] = t[q];
                    fHi[i] = f;
                    if (kept[i] == 1) {
                        fLo[i] /= 2;
                    }
                    kept[i] = 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!done[i]) {
                found[i] = -fLo[i] < fHi[i] ? lo[i] : hi[i];
            }
        }
        double[] steps = new double[frames];
        for (int k = 1; k <= half; k++) {
            steps[half + k] = Numbers.significant(found[k - 1]);
            steps[half - k] = -Numbers.significant(found[half + k - 1]);
        }
        for (int f = 1; f < frames; f++) {
            if (!(steps[f] > steps[f - 1])) {
                throw new GeometryException(
                        where(axisId, reference)
                                + ": the image distance is not monotone along the axis, so frames "
                                + (f - 1)
                                + " and "
                                + f
                                + " would not be in order (latent steps "
                                + Arrays.toString(steps)
                                + ")");
            }
        }
        return steps;
    }

    /** D at z0 + t·v for each t, with the reference rendered in the same pass as its first code. */
    private double[] distances(double[] z0, double[] v, double[] signedSteps) {
        double[] with0 = new double[signedSteps.length + 1];
        System.arraycopy(signedSteps, 0, with0, 1, signedSteps.length);
        double[][] codes = FramePath.codes(Exploration.LINEAR, z0, v, with0);
        double[] out = new double[signedSteps.length];
        float[] reference = null;
        for (int from = 0; from < codes.length; from += batch) {
            int to = Math.min(codes.length, from + batch);
            float[][] chunk = new float[to - from][];
            for (int c = from; c < to; c++) {
                chunk[c - from] = toFloat(codes[c]);
            }
            Rendered rendered = BatchRenderer.render(metric, chunk);
            int start = 0;
            if (reference == null) {
                reference = rendered.features()[0];
                start = 1;
            }
            for (int c = start; c < chunk.length; c++) {
                out[from + c - 1] = Rendered.squaredDistance(rendered.features()[c], reference);
            }
        }
        return out;
    }

    private void requireReached(double[] d, double sign, String axisId, int reference) {
        double max = 0;
        for (double x : d) {
            max = Math.max(max, x);
        }
        if (max < target) {
            throw new GeometryException(
                    String.format(
                            Locale.ROOT,
                            "%s: on the %s side the image distance reaches only %.4g within"
                                    + " distance %s, short of matched_steps.image_distance %s;"
                                    + " raise stimuli.distance or lower the target",
                            where(axisId, reference),
                            sign > 0 ? "+" : "-",
                            max,
                            distance,
                            target));
        }
    }

    private String where(String axisId, int reference) {
        return "model " + modelId + " axis " + axisId + " reference " + reference;
    }

    /** The first grid index j ≥ 1 with D_j ≥ goal (exists: the target is reached). */
    private static int firstAtLeast(double[] d, double goal) {
        for (int j = 1; j < d.length; j++) {
            if (d[j] >= goal) {
                return j;
            }
        }
        throw new IllegalStateException("requireReached checked the target is reached");
    }

    private static boolean allDone(boolean[] done) {
        for (boolean b : done) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static int[] openIndices(boolean[] done) {
        return java.util.stream.IntStream.range(0, done.length).filter(i -> !done[i]).toArray();
    }

    private static float[] toFloat(double[] z) {
        float[] f = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            f[i] = (float) z[i];
        }
        return f;
    }
}
