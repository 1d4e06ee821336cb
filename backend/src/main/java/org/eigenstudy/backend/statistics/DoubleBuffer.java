package org.eigenstudy.backend.statistics;

import java.util.Arrays;

/** A growable primitive double array. */
final class DoubleBuffer {

    double[] values;
    int size;

    DoubleBuffer(int capacity) {
        values = new double[Math.max(16, capacity)];
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
