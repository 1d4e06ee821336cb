package org.eigenstudy.backend.statistics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.eigenstudy.backend.statistics.report.Estimate;

/**
 * Participant-clustered percentile bootstrap: each resample draws the included participants with
 * replacement and recomputes every class mean (trial-level: pooled sum over pooled count) and every
 * difference of class means, for every group at once. Resample b uses its own generator seeded from
 * (seed, b), so results do not depend on how many threads ran.
 */
final class ClusterBootstrap {

    static final int[][] PAIRS = {{0, 1}, {0, 2}, {1, 2}};
    private static final int SLOTS = ParticipantCells.CLASSES + PAIRS.length;

    private final ParticipantCells cells;
    private final int groupCount;
    private final double[][] samples;
    private final double[] estimates;
    private final double confidence;

    ClusterBootstrap(
            ParticipantCells cells, int[] included, int resamples, long seed, double confidence) {
        this.cells = cells;
        this.groupCount = cells.groups() + 1;
        this.confidence = confidence;
        int quantities = groupCount * ParticipantCells.MEASURES * SLOTS;
        this.samples = new double[quantities][resamples];
        int width = cells.width();
        double[] raw = cells.raw();
        double[] full = new double[width];
        for (int p : included) {
            addBlock(full, raw, p * width, width);
        }
        this.estimates = quantities(full);
        if (included.length == 0) {
            return;
        }
        IntStream.range(0, resamples)
                .parallel()
                .forEach(
                        b -> {
                            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + b);
                            double[] totals = new double[width];
                            for (int i = 0; i < included.length; i++) {
                                int p = included[random.nextInt(included.length)];
                                addBlock(totals, raw, p * width, width);
                            }
                            double[] q = quantities(totals);
                            for (int k = 0; k < q.length; k++) {
                                samples[k][b] = q[k];
                            }
                        });
    }

    private static void addBlock(double[] totals, double[] raw, int offset, int width) {
        for (int k = 0; k < width; k++) {
            totals[k] += raw[offset + k];
        }
    }

    private double[] quantities(double[] totals) {
        double[] q = new double[samples.length];
        for (int g = 0; g < groupCount; g++) {
            for (int m = 0; m < ParticipantCells.MEASURES; m++) {
                int base = (g * ParticipantCells.MEASURES + m) * SLOTS;
                for (int c = 0; c < ParticipantCells.CLASSES; c++) {
                    double n = cells.count(totals, 0, g, c, m);
                    q[base + c] = n == 0 ? Double.NaN : cells.sum(totals, 0, g, c, m) / n;
                }
                for (int k = 0; k < PAIRS.length; k++) {
                    q[base + ParticipantCells.CLASSES + k] =
                            q[base + PAIRS[k][0]] - q[base + PAIRS[k][1]];
                }
            }
        }
        return q;
    }

    /** Group index: model groups 0..n-1, overall = n. */
    Estimate mean(int group, int axisClass, int measure) {
        return interval((group * ParticipantCells.MEASURES + measure) * SLOTS + axisClass);
    }

    Estimate difference(int group, int pair, int measure) {
        return interval(
                (group * ParticipantCells.MEASURES + measure) * SLOTS
                        + ParticipantCells.CLASSES
                        + pair);
    }

    private Estimate interval(int quantity) {
        double value = estimates[quantity];
        if (Double.isNaN(value)) {
            return Estimate.notComputable("no values in this class");
        }
        double[] finite = Arrays.stream(samples[quantity]).filter(Double::isFinite).toArray();
        if (finite.length < 0.95 * samples[quantity].length) {
            return Estimate.notComputable(
                    "too few participants: over 5% of resamples had no value in a class");
        }
        Arrays.sort(finite);
        double alpha = (1 - confidence) / 2;
        return Estimate.of(value, quantile(finite, alpha), quantile(finite, 1 - alpha));
    }

    /** R's default quantile (type 7): linear interpolation between order statistics. */
    static double quantile(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
