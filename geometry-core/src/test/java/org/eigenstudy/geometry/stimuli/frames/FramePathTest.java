package org.eigenstudy.geometry.stimuli.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.eigenstudy.studyconfig.model.Exploration;
import org.junit.jupiter.api.Test;

class FramePathTest {
    private final Random random = new Random(11);

    @Test
    void stepsRunFromMinusDToPlusDThroughZero() {
        assertArrayEquals(new double[] {-2.5, -1.25, 0, 1.25, 2.5}, FramePath.steps(2.5, 5), 0);
        double[] seven = FramePath.steps(3.5, 7);
        assertEquals(0.0, seven[3], 0);
        assertEquals(-3.5, seven[0], 0);
        assertEquals(3.5, seven[6], 0);
    }

    @Test
    void linearFramesMoveByTTimesV() {
        double[] z0 = gaussian(8);
        double[] v = gaussian(8);
        double[][] codes = FramePath.codes(Exploration.LINEAR, z0, v, new double[] {-1.5, 0, 2});
        for (int i = 0; i < 8; i++) {
            assertEquals(z0[i] - 1.5 * v[i], codes[0][i], 1e-15);
            assertEquals(z0[i], codes[1][i], 0);
            assertEquals(z0[i] + 2 * v[i], codes[2][i], 1e-15);
        }
    }

    @Test
    void sphericalFramesKeepTheNormAndTurnByTheStepAngle() {
        double[] z0 = gaussian(32);
        double[] v = gaussian(32);
        double radius = norm(z0);
        double[] steps = FramePath.steps(0.9, 7);
        double[][] codes = FramePath.codes(Exploration.SPHERICAL, z0, v, steps);
        for (int f = 0; f < steps.length; f++) {
            assertEquals(radius, norm(codes[f]), 1e-12 * radius);
            double cos = dot(codes[f], z0) / (radius * radius);
            assertEquals(Math.abs(steps[f]), Math.acos(Math.min(1, cos)), 1e-7);
        }
        assertArrayEquals(z0, codes[3], 0);
        // The motion lies in the plane of z0 and v: the part of v along z0 does not matter.
        double[] shifted = v.clone();
        for (int i = 0; i < 32; i++) {
            shifted[i] += 0.7 * z0[i];
        }
        assertArrayEquals(codes[6], FramePath.spherical(z0, shifted, steps[6]), 1e-12 * radius);
    }

    private double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
