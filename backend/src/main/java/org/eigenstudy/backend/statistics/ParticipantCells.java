package org.eigenstudy.backend.statistics;

import java.util.List;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Per participant sufficient statistics: for each model group, axis class and measure the sum and
 * the count of the participant's values, in one flat array (participant-major) so the bootstrap
 * adds contiguous blocks. Index {@link #groups()} denotes the overall group, derived by summing the
 * model groups.
 */
final class ParticipantCells {

    static final int CLASSES = AxisClass.values().length;
    static final int MEASURES = Measure.values().length;

    private final int groups;
    private final int width;
    private final int participants;
    private final double[] cells;

    ParticipantCells(List<ColumnStore> stores, int participants, boolean[] included) {
        this.groups = stores.size();
        this.width = groups * CLASSES * MEASURES * 2;
        this.participants = participants;
        this.cells = new double[Math.multiplyExact(participants, width)];
        for (int g = 0; g < groups; g++) {
            ColumnStore s = stores.get(g);
            for (int r = 0; r < s.size; r++) {
                int p = s.participant[r];
                if (!included[p]) {
                    continue;
                }
                int base = p * width + index(g, s.axisClass[r], 0);
                for (int m = 0; m < MEASURES; m++) {
                    double v = s.measures[m][r];
                    if (!Double.isNaN(v)) {
                        cells[base + 2 * m] += v;
                        cells[base + 2 * m + 1] += 1;
                    }
                }
            }
        }
    }

    int groups() {
        return groups;
    }

    int width() {
        return width;
    }

    int participants() {
        return participants;
    }

    double[] raw() {
        return cells;
    }

    /** Offset of the sum of (group, class, measure) within one participant's block. */
    static int index(int group, int axisClass, int measure) {
        return ((group * CLASSES + axisClass) * MEASURES + measure) * 2;
    }

    /** Sum and count of a cell in a block of totals; group == groups() sums every model group. */
    double sum(double[] block, int offset, int group, int axisClass, int measure) {
        return total(block, offset, group, axisClass, measure, 0);
    }

    double count(double[] block, int offset, int group, int axisClass, int measure) {
        return total(block, offset, group, axisClass, measure, 1);
    }

    private double total(
            double[] block, int offset, int group, int axisClass, int measure, int which) {
        if (group < groups) {
            return block[offset + index(group, axisClass, measure) + which];
        }
        double total = 0;
        for (int g = 0; g < groups; g++) {
            total += block[offset + index(g, axisClass, measure) + which];
        }
        return total;
    }

    /** A participant's mean of a measure in a class, NaN when they have no such value. */
    double participantMean(int participant, int group, int axisClass, int measure) {
        int offset = participant * width;
        double n = count(cells, offset, group, axisClass, measure);
        return n == 0 ? Double.NaN : sum(cells, offset, group, axisClass, measure) / n;
    }
}
