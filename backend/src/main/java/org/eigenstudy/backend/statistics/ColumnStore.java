package org.eigenstudy.backend.statistics;

import java.util.Arrays;

/**
 * The non-catch trials of one model's latent space, column by column in primitive arrays (no
 * boxing: a million rows take ~60 MB). Rows are kept until the end because catch-trial exclusion is
 * only known once every row of a participant has been read.
 */
final class ColumnStore {

    final String modelId;
    final String space;
    int size;
    int[] participant = new int[1024];
    byte[] axisClass = new byte[1024];
    int[] rank = new int[1024];
    double[] logEigenvalue = new double[1024];
    double[] eigenvalue = new double[1024];
    final double[][] measures = new double[Measure.values().length][1024];

    ColumnStore(String modelId, String space) {
        this.modelId = modelId;
        this.space = space;
    }

    void add(int participantIndex, ResponseRow row) {
        if (size == participant.length) {
            grow();
        }
        participant[size] = participantIndex;
        axisClass[size] = (byte) row.axisClass().ordinal();
        rank[size] = row.rank();
        logEigenvalue[size] = row.eigenvalue() > 0 ? Math.log(row.eigenvalue()) : Double.NaN;
        eigenvalue[size] = row.eigenvalue();
        for (Measure m : Measure.values()) {
            measures[m.ordinal()][size] = m.of(row);
        }
        size++;
    }

    private void grow() {
        int capacity = participant.length * 2;
        participant = Arrays.copyOf(participant, capacity);
        axisClass = Arrays.copyOf(axisClass, capacity);
        rank = Arrays.copyOf(rank, capacity);
        logEigenvalue = Arrays.copyOf(logEigenvalue, capacity);
        eigenvalue = Arrays.copyOf(eigenvalue, capacity);
        for (int m = 0; m < measures.length; m++) {
            measures[m] = Arrays.copyOf(measures[m], capacity);
        }
    }
}
