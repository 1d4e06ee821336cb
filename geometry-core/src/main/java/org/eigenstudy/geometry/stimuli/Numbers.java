package org.eigenstudy.geometry.stimuli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifest number text: doubles rounded to 10 significant digits (float64 round-off below that is
 * noise and would make equal results print differently), float32 codes printed as the shortest
 * decimal that reads back as the same float, so a code in the manifest regenerates its image.
 */
public final class Numbers {
    private static final MathContext DIGITS = new MathContext(10);

    private Numbers() {}

    public static double significant(double value) {
        return significant(value, DIGITS);
    }

    public static double significant(double value, MathContext digits) {
        return value == 0 || !Double.isFinite(value)
                ? value
                : new BigDecimal(value).round(digits).doubleValue();
    }

    public static List<Double> significantList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(significant(v));
        }
        return list;
    }

    public static List<Double> floats(float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add(Double.parseDouble(Float.toString(v)));
        }
        return list;
    }
}
