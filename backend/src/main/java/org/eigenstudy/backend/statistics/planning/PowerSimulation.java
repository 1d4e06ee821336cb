package org.eigenstudy.backend.statistics.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.eigenstudy.backend.statistics.mixed.ClassInference;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.mixed.RandomEffectsSelection;

/**
 * Power by simulation from a {@link PilotModel}. For every grid cell (participants N, axes per
 * class A) it draws {@code simulations} studies: A new axes per class with intercepts ~ N(0,
 * σ²_axis), N participants with intercepts ~ N(0, σ²_participant) (or, when the pilot has random
 * slopes, class effects with its fitted covariance: {@link ParticipantEffects}), each answering
 * {@code min(responsesPerClass, A)} distinct axes of each class drawn at random, the response the
 * class mean plus both effects plus N(0, σ²) noise (linear) or a Bernoulli draw with that logit
 * (binary). Each study is refitted with the analysis' model (the headline's {@link
 * RandomEffectsSelection}: {@code (1 + class | participant)} when the pilot has slopes, falling
 * back to {@code (1 | participant)} when singular; REML with Satterthwaite df; or the Laplace GLMM
 * with Wald z, intercepts only) and a contrast counts as detected when its Holm-adjusted p (over
 * the three class pairs, as in the analysis) is below α.
 *
 * <p>Reproducible: study s of cell (N, A) is drawn from a generator seeded by (seed, N, A, s)
 * alone, so the numbers do not depend on the thread that ran it nor on the other cells of the grid.
 * A fit that fails counts as not detected and is reported.
 */
public final class PowerSimulation {

    /** The contrasts planned for: top against each of the others. */
    static final List<List<String>> PLANNED =
            List.of(List.of("top", "bottom"), List.of("top", "orthogonal"));

    private PowerSimulation() {}

    /**
     * @param participantCounts participants per simulated study, one grid column each
     * @param axesPerClass axes per class, one grid row each
     * @param alpha the significance level for the Holm-adjusted p
     */
    public record Settings(
            List<Integer> participantCounts,
            List<Integer> axesPerClass,
            int simulations,
            long seed,
            double alpha) {
        public Settings {
            participantCounts = List.copyOf(participantCounts);
            axesPerClass = List.copyOf(axesPerClass);
        }
    }

    /**
     * The power of one contrast in one cell.
     *
     * @param effect the simulated true difference (link scale)
     * @param power the fraction of studies with Holm-adjusted p &lt; α
     * @param monteCarloSe the simulation's standard error of {@code power}, √(p(1 − p)/S)
     * @param powerUnadjusted the fraction with unadjusted p &lt; α (for a single planned test)
     */
    public record ContrastPower(
            String first,
            String second,
            double effect,
            int detected,
            double power,
            double monteCarloSe,
            double powerUnadjusted) {}

    /**
     * One grid cell: S simulated studies of N participants and A axes per class.
     *
     * @param slopesDropped studies whose fit with random slopes was singular and was refitted with
     *     random intercepts, as the headline would (0 for a pilot without slopes)
     */
    public record Cell(
            int participants,
            int axesPerClass,
            int simulations,
            int failedFits,
            int slopesDropped,
            List<ContrastPower> contrasts) {}

    /**
     * The single-thread CPU time the grid is expected to take, in milliseconds, from a cost model
     * measured on this code (2026-12, one core of the development machine, after warm-up): a linear
     * fit costs about 0.07 ms per response plus 2.5 ms per axis per class, a logistic fit 0.6 ms
     * per response plus 12 ms per axis per class (its SEs need a numerical Hessian, each point a
     * PIRLS over all responses). Conservative by up to 2×, which is the point: it bounds the work
     * one request may ask for. A linear pilot with random slopes costs about ten times an
     * intercept-only one (each study is first fitted with seven covariance parameters instead of
     * two, and refitted when singular): measured 2026-12 on this machine (two cores, S = 100, N =
     * 10 to 200, A = 5 to 40), 22 to 750 ms per study single-thread (twice the wall time on two
     * cores), which 0.05 ms per response + 16 ms per axis per class bounds (by up to 4× for the
     * smallest studies).
     */
    public static double estimatedMillis(PilotModel pilot, Settings settings) {
        double perResponse = pilot.binary() ? 0.6 : pilot.randomSlopes() ? 0.05 : 0.07;
        double perAxis = pilot.binary() ? 12 : pilot.randomSlopes() ? 16 : 2.5;
        double total = 0;
        for (int axes : settings.axesPerClass()) {
            int shown = 0;
            for (int r : pilot.responsesPerClass()) {
                shown += Math.min(r, axes);
            }
            for (int participants : settings.participantCounts()) {
                total += perResponse * participants * (double) shown + perAxis * axes;
            }
        }
        return total * settings.simulations();
    }

    /** Runs the grid; cells ordered by axes per class, then participants. */
    public static List<Cell> run(PilotModel pilot, Settings settings) {
        List<Cell> cells = new ArrayList<>();
        for (int axes : settings.axesPerClass()) {
            for (int participants : settings.participantCounts()) {
                cells.add(cell(pilot, settings, participants, axes));
            }
        }
        return cells;
    }

    private static Cell cell(PilotModel pilot, Settings settings, int participants, int axes) {
        int s = settings.simulations();
        int[][] planned = plannedIndexes(pilot);
        double[][] p =
                IntStream.range(0, s)
                        .parallel()
                        .mapToObj(
                                i ->
                                        simulateOnce(
                                                pilot,
                                                participants,
                                                axes,
                                                seedOf(settings.seed(), participants, axes, i)))
                        .toArray(double[][]::new);
        int failed = 0;
        int dropped = 0;
        for (double[] study : p) {
            failed += study == null ? 1 : 0;
            dropped += study != null && study[study.length - 1] == 1 ? 1 : 0;
        }
        List<ContrastPower> out = new ArrayList<>();
        for (int[] pair : planned) {
            int detected = 0;
            int raw = 0;
            int contrast = contrastIndex(pilot.classLevels().size(), pair[0], pair[1]);
            for (double[] study : p) {
                if (study != null) {
                    detected += study[2 * contrast + 1] < settings.alpha() ? 1 : 0;
                    raw += study[2 * contrast] < settings.alpha() ? 1 : 0;
                }
            }
            double power = detected / (double) s;
            out.add(
                    new ContrastPower(
                            pilot.classLevels().get(pair[0]),
                            pilot.classLevels().get(pair[1]),
                            pilot.effect(pair[0], pair[1]),
                            detected,
                            power,
                            Math.sqrt(power * (1 - power) / s),
                            raw / (double) s));
        }
        return new Cell(participants, axes, s, failed, dropped, List.copyOf(out));
    }

    /** (first, second) class indexes of the planned contrasts the pilot has both classes of. */
    private static int[][] plannedIndexes(PilotModel pilot) {
        List<int[]> out = new ArrayList<>();
        for (List<String> pair : PLANNED) {
            int a = pilot.classLevels().indexOf(pair.get(0));
            int b = pilot.classLevels().indexOf(pair.get(1));
            if (a >= 0 && b >= 0) {
                out.add(new int[] {a, b});
            }
        }
        return out.toArray(int[][]::new);
    }

    /** The position of pair (a, b), a &lt; b, in ClassInference's list of pairs. */
    static int contrastIndex(int levels, int a, int b) {
        int index = 0;
        for (int i = 0; i < levels; i++) {
            for (int j = i + 1; j < levels; j++) {
                if (i == a && j == b) {
                    return index;
                }
                index++;
            }
        }
        throw new IllegalArgumentException("no pair " + a + ", " + b);
    }

    /**
     * One simulated study's p-values, {unadjusted, Holm} per class pair in ClassInference's order,
     * then 1 when the slopes were dropped for a singular fit (else 0); null when the fit failed.
     */
    static double[] simulateOnce(PilotModel pilot, int participants, int axes, long seed) {
        MixedDesign design =
                SimulatedStudy.draw(pilot, participants, axes, new SplittableRandom(seed));
        try {
            ClassInference inference;
            boolean dropped = false;
            if (pilot.binary()) {
                inference = ClassInference.of(LogisticMixedModel.fit(design), 0.95);
            } else {
                // With slopes in the design this is the headline's choice: slopes, or intercepts
                // when the slope fit is singular. Without, the same as LinearMixedModel.fit.
                RandomEffectsSelection selection = RandomEffectsSelection.fit(design, true);
                inference = ClassInference.of(selection.fit(), 0.95);
                dropped = selection.fallbackReason() != null;
            }
            List<ClassContrast> contrasts = inference.contrasts();
            double[] p = new double[2 * contrasts.size() + 1];
            p[p.length - 1] = dropped ? 1 : 0;
            for (int i = 0; i < contrasts.size(); i++) {
                // NaN (a contrast whose SE could not be computed) counts as not detected.
                p[2 * i] = Double.isNaN(contrasts.get(i).p()) ? 1 : contrasts.get(i).p();
                p[2 * i + 1] =
                        Double.isNaN(contrasts.get(i).pHolm()) ? 1 : contrasts.get(i).pHolm();
            }
            return p;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** SplitMix64's finaliser over (seed, N, A, s): independent streams per simulated study. */
    static long seedOf(long seed, int participants, int axes, int study) {
        long z = seed;
        for (long v : new long[] {participants, axes, study}) {
            z = mix(z + 0x9E3779B97F4A7C15L * (v + 1));
        }
        return z;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
