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

    /**
     * Every pair of classes (ordinals, first before second) in lexicographic order; restricted to
     * the classes a study reports, that is the level order of every pairwise table ((top,
     * orthogonal), (top, bottom), (orthogonal, bottom) for the metric's axes).
     */
    static final int[][] PAIRS = pairs(ParticipantCells.CLASSES);

    private static final int SLOTS = ParticipantCells.CLASSES + PAIRS.length;
    private static final int BATCH = 32;

    private static int[][] pairs(int classes) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                out.add(new int[] {a, b});
            }
        }
        return out.toArray(int[][]::new);
    }

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
            for (int k = 0; k < width; k++) {
                full[k] += raw[p * width + k];
            }
        }
        this.estimates = quantities(full);
        if (included.length == 0) {
            return;
        }
        // Many columns are equal for every participant (e.g. the count of magnitudes is the count
        // of seen changes): resampling each distinct column once cuts the dominant cost.
        int[] columnOf = distinctColumns(raw, included, width);
        int distinct = Arrays.stream(columnOf).max().orElse(-1) + 1;
        double[] compact = compact(raw, included, width, columnOf, distinct);
        int batches = (resamples + BATCH - 1) / BATCH;
        IntStream.range(0, batches)
                .parallel()
                .forEach(
                        batch -> {
                            int first = batch * BATCH;
                            int count = Math.min(BATCH, resamples - first);
                            double[][] sums =
                                    resampleSums(
                                            compact, included.length, distinct, seed, first, count);
                            for (int r = 0; r < count; r++) {
                                double[] totals = new double[width];
                                for (int k = 0; k < width; k++) {
                                    totals[k] = sums[r][columnOf[k]];
                                }
                                double[] q = quantities(totals);
                                for (int k = 0; k < q.length; k++) {
                                    samples[k][first + r] = q[k];
                                }
                            }
                        });
    }

    /**
     * Column sums of {@code count} resamples at once. Each resample is a multinomial weight per
     * participant (how often it was drawn); the sums are then one sequential pass over the
     * participants that reuses each participant's block for the whole batch, instead of a random
     * memory access per draw.
     */
    private static double[][] resampleSums(
            double[] compact, int participants, int distinct, long seed, int first, int count) {
        int[][] weights = new int[count][participants];
        for (int r = 0; r < count; r++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + first + r);
            int[] w = weights[r];
            for (int i = 0; i < participants; i++) {
                w[random.nextInt(participants)]++;
            }
        }
        double[][] sums = new double[count][distinct];
        for (int p = 0; p < participants; p++) {
            int offset = p * distinct;
            for (int r = 0; r < count; r++) {
                int w = weights[r][p];
                if (w != 0) {
                    double times = w;
                    double[] into = sums[r];
                    for (int k = 0; k < distinct; k++) {
                        into[k] += times * compact[offset + k];
                    }
                }
            }
        }
        return sums;
    }

    private static int[] distinctColumns(double[] raw, int[] included, int width) {
        int[] columnOf = new int[width];
        int[] representative = new int[width];
        long[] hash = new long[width];
        for (int k = 0; k < width; k++) {
            long h = 17;
            for (int p : included) {
                h = 31 * h + Double.doubleToLongBits(raw[p * width + k]);
            }
            hash[k] = h;
        }
        int distinct = 0;
        for (int k = 0; k < width; k++) {
            columnOf[k] = -1;
            for (int u = 0; u < distinct && columnOf[k] < 0; u++) {
                int r = representative[u];
                if (hash[r] == hash[k] && sameColumn(raw, included, width, r, k)) {
                    columnOf[k] = u;
                }
            }
            if (columnOf[k] < 0) {
                representative[distinct] = k;
                columnOf[k] = distinct++;
            }
        }
        return columnOf;
    }

    private static boolean sameColumn(double[] raw, int[] included, int width, int a, int b) {
        for (int p : included) {
            if (raw[p * width + a] != raw[p * width + b]) {
                return false;
            }
        }
        return true;
    }

    private static double[] compact(
            double[] raw, int[] included, int width, int[] columnOf, int distinct) {
        double[] compact = new double[included.length * distinct];
        for (int i = 0; i < included.length; i++) {
            for (int k = 0; k < width; k++) {
                compact[i * distinct + columnOf[k]] = raw[included[i] * width + k];
            }
        }
        return compact;
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
