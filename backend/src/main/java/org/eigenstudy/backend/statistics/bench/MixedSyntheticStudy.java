package org.eigenstudy.backend.statistics.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.headline.HeadlineTrials;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * A deterministic synthetic study for the mixed-model benchmark: participants × trials, each trial
 * on one of {@code axesPerClass} axes of each of the three classes (one model), with crossed
 * participant and axis effects on every measure. Magnitude, consistency and shared count exist only
 * when a change was seen; difficulty always.
 */
public final class MixedSyntheticStudy {

    static final List<String> CLASSES = List.of("top", "orthogonal", "bottom");

    final int n;
    final int axesPerClass;
    final int[] participant;
    final int[] axis;
    final int[] cls;
    final boolean[] seen;
    final double[] magnitude;
    final double[] consistency;
    final double[] shared;
    final double[] difficulty;

    public MixedSyntheticStudy(
            int participants, int trialsPerParticipant, int axesPerClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.axesPerClass = axesPerClass;
        int axes = 3 * axesPerClass;
        double[] axisMagnitude = new double[axes];
        double[] axisLogit = new double[axes];
        double[] axisConsistency = new double[axes];
        for (int a = 0; a < axes; a++) {
            axisMagnitude[a] = 4 * random.nextGaussian();
            axisLogit[a] = 0.6 * random.nextGaussian();
            axisConsistency[a] = 0.4 * random.nextGaussian();
        }
        n = participants * trialsPerParticipant;
        participant = new int[n];
        axis = new int[n];
        cls = new int[n];
        seen = new boolean[n];
        magnitude = new double[n];
        consistency = new double[n];
        shared = new double[n];
        difficulty = new double[n];
        double[] classMagnitude = {70.3, 66.8, 61.5};
        double[] classLogit = {2.7, 2.2, -0.06};
        int i = 0;
        for (int p = 0; p < participants; p++) {
            double pm = 8 * random.nextGaussian();
            double pSlope = 3 * random.nextGaussian();
            double pl = 0.8 * random.nextGaussian();
            double pc = 0.8 * random.nextGaussian();
            double pd = 1.0 * random.nextGaussian();
            for (int t = 0; t < trialsPerParticipant; t++, i++) {
                int a = random.nextInt(axes);
                int c = a / axesPerClass;
                participant[i] = p;
                axis[i] = a;
                cls[i] = c;
                double logit = classLogit[c] + pl + axisLogit[a];
                seen[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                magnitude[i] =
                        Math.rint(
                                clamp(
                                        classMagnitude[c]
                                                + pm
                                                + (c > 0 ? pSlope : 0)
                                                + axisMagnitude[a]
                                                + 15 * random.nextGaussian(),
                                        0,
                                        100));
                consistency[i] =
                        Math.rint(
                                clamp(
                                        6.7
                                                - 0.3 * c
                                                + pc
                                                + axisConsistency[a]
                                                + 1.8 * random.nextGaussian(),
                                        1,
                                        9));
                shared[i] = Math.rint(clamp(4 - 0.4 * c + 0.5 * pc + random.nextGaussian(), 0, 5));
                difficulty[i] =
                        Math.rint(
                                clamp(
                                        4.9 + (c == 2 ? 0.8 : 0) + pd + 1.8 * random.nextGaussian(),
                                        1,
                                        9));
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * The headline's sensitivity model of magnitude (every trial, unseen scored 0) as a design with
     * by-participant slopes: a fit that once stopped on the boundary of θ (LinearMixedModelTest).
     */
    public MixedDesign magnitudeUnseenAsZero() {
        MixedDesign.Builder b = MixedDesign.builder(CLASSES).randomSlopes(true);
        for (int i = 0; i < n; i++) {
            b.add(
                    "p" + participant[i],
                    "m",
                    "a" + axis[i],
                    CLASSES.get(cls[i]),
                    seen[i] ? magnitude[i] : 0);
        }
        return b.build();
    }

    /**
     * The rows as the headline reads them (one model, space z; eigenvalues 1/rank, NaN if
     * orthogonal).
     */
    HeadlineTrials headlineTrials() {
        HeadlineTrials trials = new HeadlineTrials();
        AxisClass[] classes = AxisClass.values();
        double[] values = new double[Measure.values().length];
        for (int i = 0; i < n; i++) {
            AxisClass c = classes[cls[i]];
            int rank = axis[i] % axesPerClass + 1;
            double eigenvalue = c == AxisClass.ORTHOGONAL ? Double.NaN : 1.0 / rank;
            values[Measure.SEEN_CHANGE.ordinal()] = seen[i] ? 1 : 0;
            values[Measure.MAGNITUDE.ordinal()] = seen[i] ? magnitude[i] : Double.NaN;
            values[Measure.CONSISTENCY.ordinal()] = seen[i] ? consistency[i] : Double.NaN;
            values[Measure.SHARED_COUNT.ordinal()] = seen[i] ? shared[i] : Double.NaN;
            values[Measure.DIFFICULTY.ordinal()] = difficulty[i];
            trials.add(
                    participant[i],
                    new HeadlineTrials.AxisKey("m", "z", c, rank, eigenvalue),
                    values);
        }
        return trials;
    }

    /** Writes the rows as CSV (NA where a rating was not asked) for R. */
    void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("participant,axis,class,seen,magnitude,consistency,shared,difficulty\n");
            for (int i = 0; i < n; i++) {
                String s = seen[i] ? "1" : "0";
                w.write(
                        "p"
                                + participant[i]
                                + ",a"
                                + axis[i]
                                + ","
                                + CLASSES.get(cls[i])
                                + ","
                                + s
                                + ","
                                + (seen[i] ? fmt(magnitude[i]) : "NA")
                                + ","
                                + (seen[i] ? fmt(consistency[i]) : "NA")
                                + ","
                                + (seen[i] ? fmt(shared[i]) : "NA")
                                + ","
                                + fmt(difficulty[i])
                                + "\n");
            }
        }
    }

    private static String fmt(double v) {
        return Long.toString((long) v);
    }
}
