package org.eigenstudy.backend.statistics.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The counting-sort and rank-table shortcuts agree with Arrays.sort and a naive mid-rank. */
class SortingTest {

    @Test
    void countingSortEqualsArraysSort() {
        Random random = new Random(3);
        double[] integers = random.ints(5000, 0, 101).asDoubleStream().toArray();
        double[] expected = integers.clone();
        Arrays.sort(expected);
        Sorting.sort(integers, 0, integers.length);
        assertArrayEquals(expected, integers);
        double[] mixed = {3, 1.5, 2, -1, 0};
        Sorting.sort(mixed, 0, mixed.length);
        assertArrayEquals(new double[] {-1, 0, 1.5, 2, 3}, mixed);
    }

    @Test
    void integerRanksEqualNaiveMidRanks() {
        double[] values = {3, 1, 3, 0, 7, 1, 3};
        double[] ranks = Spearman.averageRanks(values, values.length);
        double[] naive = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : values) {
                below += v < values[i] ? 1 : 0;
                equal += v == values[i] ? 1 : 0;
            }
            naive[i] = below + (equal + 1) / 2.0;
        }
        assertArrayEquals(naive, ranks);
        double[] fractional = {0.5, 2, 0.5};
        assertNull(Sorting.integerMidRanks(fractional, 3));
        assertArrayEquals(new double[] {1.5, 3, 1.5}, Spearman.averageRanks(fractional, 3));
    }
}
