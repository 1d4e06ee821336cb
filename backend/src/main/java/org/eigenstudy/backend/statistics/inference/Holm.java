package org.eigenstudy.backend.statistics.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down adjustment, as R's {@code p.adjust(p, method = "holm")}. Not-computable results
 * are not part of the family (R would need them removed too: NA p-values are skipped).
 */
public final class Holm {

    private Holm() {}

    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.max(running, Math.min(1.0, (m - k) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Adds {@code pHolm} to every computable result with a p-value; the others pass through. */
    public static List<TestResult> adjustFamily(List<TestResult> family) {
        List<Integer> withP = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            if (family.get(i).computable() && family.get(i).p() != null) {
                withP.add(i);
            }
        }
        double[] p = new double[withP.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = family.get(withP.get(k)).p();
        }
        double[] adjusted = adjust(p);
        List<TestResult> out = new ArrayList<>(family);
        for (int k = 0; k < p.length; k++) {
            out.set(withP.get(k), family.get(withP.get(k)).withHolm(adjusted[k]));
        }
        return out;
    }
}
