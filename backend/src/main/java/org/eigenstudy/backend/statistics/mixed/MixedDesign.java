package org.eigenstudy.backend.statistics.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One model's data and structure, as lme4's {@code lFormula} would build it from {@code y ~ class
 * [+ model] + (1 [+ class] | participant) + (1 | model:axis)}.
 *
 * <ul>
 *   <li>Fixed effects, treatment contrasts: an intercept (the first class level, and the first
 *       model in sort order, as R orders a factor's levels), one column per further class level
 *       and, when the rows hold more than one model, one per further model.
 *   <li>Random effects: per participant an intercept, or with {@code randomSlopes} an intercept and
 *       one deviation per further class level with an unstructured covariance (lme4's {@code (1 +
 *       class | participant)}); per axis an intercept, the axis identified within its model (axis
 *       nested in model), unless {@code axisIntercepts} is false.
 * </ul>
 *
 * Class levels without any row are left out (their column would be zero).
 *
 * <p>Over 250 lines because its builder and its cell grouping both construct designs from the same
 * package-private arrays that the fitting classes read directly on their hot paths.
 */
public final class MixedDesign {

    final int n;
    final int p;
    final int participants;
    final int axes;
    final int k;
    final double[] y;
    final double[] x;
    final int[] participant;
    final int[] axis;
    final int[] cls;
    private final List<String> fixedNames;
    private final List<String> classLevels;
    private final List<String> modelLevels;
    private final List<String> participantLevels;
    private final List<String> axisLevels;
    private final boolean randomSlopes;
    private final boolean axisIntercepts;

    private MixedDesign(
            Builder b,
            double[] y,
            double[] x,
            List<String> fixedNames,
            List<String> classLevels,
            List<String> modelLevels,
            boolean randomSlopes,
            boolean axisIntercepts) {
        this.n = y.length;
        this.y = y;
        this.x = x;
        this.p = fixedNames.size();
        this.fixedNames = List.copyOf(fixedNames);
        this.classLevels = List.copyOf(classLevels);
        this.modelLevels = List.copyOf(modelLevels);
        this.participantLevels = List.copyOf(b.participantIndex.keySet());
        this.axisLevels = List.copyOf(b.axisIndex.keySet());
        this.participant = b.participantOf.stream().mapToInt(Integer::intValue).toArray();
        this.axis = b.axisOf.stream().mapToInt(Integer::intValue).toArray();
        this.cls = remapClasses(b, classLevels);
        this.participants = participantLevels.size();
        this.axes = axisIntercepts ? axisLevels.size() : 0;
        this.randomSlopes = randomSlopes;
        this.axisIntercepts = axisIntercepts;
        this.k = randomSlopes ? classLevels.size() : 1;
    }

    private MixedDesign(MixedDesign d, boolean randomSlopes, boolean axisIntercepts) {
        this.n = d.n;
        this.p = d.p;
        this.y = d.y;
        this.x = d.x;
        this.participant = d.participant;
        this.axis = d.axis;
        this.cls = d.cls;
        this.fixedNames = d.fixedNames;
        this.classLevels = d.classLevels;
        this.modelLevels = d.modelLevels;
        this.participantLevels = d.participantLevels;
        this.axisLevels = d.axisLevels;
        this.participants = d.participants;
        this.axes = axisIntercepts ? d.axisLevels.size() : 0;
        this.randomSlopes = randomSlopes;
        this.axisIntercepts = axisIntercepts;
        this.k = randomSlopes ? d.classLevels.size() : 1;
    }

    /** One representative row per cell, with {@code y} replaced by the cell's sum of y. */
    private MixedDesign(MixedDesign d, int[] rows, double[] ySums) {
        this.n = rows.length;
        this.p = d.p;
        this.y = ySums;
        this.x = new double[rows.length * d.p];
        this.participant = new int[rows.length];
        this.axis = new int[rows.length];
        this.cls = new int[rows.length];
        for (int c = 0; c < rows.length; c++) {
            int i = rows[c];
            System.arraycopy(d.x, i * d.p, x, c * d.p, d.p);
            participant[c] = d.participant[i];
            axis[c] = d.axis[i];
            cls[c] = d.cls[i];
        }
        this.fixedNames = d.fixedNames;
        this.classLevels = d.classLevels;
        this.modelLevels = d.modelLevels;
        this.participantLevels = d.participantLevels;
        this.axisLevels = d.axisLevels;
        this.participants = d.participants;
        this.axes = d.axes;
        this.randomSlopes = d.randomSlopes;
        this.axisIntercepts = d.axisIntercepts;
        this.k = d.k;
    }

    /**
     * The rows grouped into cells of equal participant, axis, class and fixed-effects row, which
     * therefore share their linear predictor: a binomial model needs each cell's count and sum of y
     * only, so its PIRLS passes over cells instead of rows.
     */
    Cells cells() {
        Map<List<Object>, Integer> index = new HashMap<>();
        int[] first = new int[n];
        double[] sums = new double[n];
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            List<Object> key = new ArrayList<>(3 + p);
            key.add(participant[i]);
            key.add(axis[i]);
            key.add(cls[i]);
            for (int c = 0; c < p; c++) {
                key.add(x[i * p + c]);
            }
            int cell = index.computeIfAbsent(key, unused -> index.size());
            if (counts[cell] == 0) {
                first[cell] = i;
            }
            sums[cell] += y[i];
            counts[cell]++;
        }
        int cellCount = index.size();
        return new Cells(
                new MixedDesign(
                        this, Arrays.copyOf(first, cellCount), Arrays.copyOf(sums, cellCount)),
                Arrays.copyOf(counts, cellCount));
    }

    /** {@link #cells()}: the cell design (y = the cell's sum) and each cell's number of rows. */
    record Cells(MixedDesign design, double[] counts) {}

    private static int[] remapClasses(Builder b, List<String> present) {
        int[] out = new int[b.classOf.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = present.indexOf(b.classLevels.get(b.classOf.get(i)));
        }
        return out;
    }

    /**
     * @param classLevels the axis classes in order; the first is the reference level
     */
    public static Builder builder(List<String> classLevels) {
        return new Builder(classLevels);
    }

    /** The same rows and fixed effects with another random-effects structure. */
    public MixedDesign withRandomEffects(boolean randomSlopes, boolean axisIntercepts) {
        return new MixedDesign(this, randomSlopes, axisIntercepts);
    }

    /** Element r of row i's random-effects design for its participant (1, then class dummies). */
    double z(int i, int r) {
        return r == 0 || cls[i] == r ? 1 : 0;
    }

    public int observations() {
        return n;
    }

    /** Row i's axis class, as an index into {@link #classLevels()}. */
    public int classOf(int i) {
        return cls[i];
    }

    /** Row i's participant, as an index into {@link #participantLevels()}. */
    public int participantOf(int i) {
        return participant[i];
    }

    public List<String> fixedNames() {
        return fixedNames;
    }

    public List<String> classLevels() {
        return classLevels;
    }

    public List<String> modelLevels() {
        return modelLevels;
    }

    public List<String> participantLevels() {
        return participantLevels;
    }

    /** Axis labels "model:axis", in the order of the axis random effects. */
    public List<String> axisLevels() {
        return axisLevels;
    }

    public boolean randomSlopes() {
        return randomSlopes;
    }

    public boolean axisIntercepts() {
        return axisIntercepts;
    }

    /** Collects rows; each row is one answered trial. */
    public static final class Builder {
        private final List<String> classLevels;
        private final Map<String, Integer> participantIndex = new LinkedHashMap<>();
        private final Map<String, Integer> axisIndex = new LinkedHashMap<>();
        private final List<Integer> participantOf = new ArrayList<>();
        private final List<Integer> axisOf = new ArrayList<>();
        private final List<Integer> classOf = new ArrayList<>();
        private final List<String> modelOf = new ArrayList<>();
        private final DoubleList response = new DoubleList();
        private boolean randomSlopes;
        private boolean axisIntercepts = true;

        private Builder(List<String> classLevels) {
            if (classLevels.isEmpty() || new TreeSet<>(classLevels).size() != classLevels.size()) {
                throw new IllegalArgumentException("class levels must be distinct and not empty");
            }
            this.classLevels = List.copyOf(classLevels);
        }

        public Builder randomSlopes(boolean value) {
            this.randomSlopes = value;
            return this;
        }

        public Builder axisIntercepts(boolean value) {
            this.axisIntercepts = value;
            return this;
        }

        public Builder add(
                String participantId, String model, String axisId, String axisClass, double value) {
            int c = classLevels.indexOf(axisClass);
            if (c < 0) {
                throw new IllegalArgumentException("unknown axis class: " + axisClass);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("response must be finite");
            }
            participantOf.add(
                    participantIndex.computeIfAbsent(
                            participantId, key -> participantIndex.size()));
            // The axis key includes the model: axis 3 of one model is not axis 3 of another.
            axisOf.add(axisIndex.computeIfAbsent(model + ":" + axisId, key -> axisIndex.size()));
            classOf.add(c);
            modelOf.add(model);
            response.add(value);
            return this;
        }

        public MixedDesign build() {
            int n = response.size();
            if (n == 0) {
                throw new IllegalArgumentException("no rows");
            }
            boolean[] seen = new boolean[classLevels.size()];
            classOf.forEach(c -> seen[c] = true);
            List<String> present = new ArrayList<>();
            for (int c = 0; c < seen.length; c++) {
                if (seen[c]) {
                    present.add(classLevels.get(c));
                }
            }
            List<String> models = new ArrayList<>(new TreeSet<>(modelOf));
            List<String> names = new ArrayList<>();
            names.add("(Intercept)");
            present.subList(1, present.size()).forEach(c -> names.add("class" + c));
            List<String> modelColumns =
                    models.size() > 1 ? models.subList(1, models.size()) : Collections.emptyList();
            modelColumns.forEach(m -> names.add("model" + m));
            int p = names.size();
            double[] x = new double[n * p];
            for (int i = 0; i < n; i++) {
                x[i * p] = 1;
                int c = present.indexOf(classLevels.get(classOf.get(i)));
                if (c > 0) {
                    x[i * p + c] = 1;
                }
                int m = modelColumns.indexOf(modelOf.get(i));
                if (m >= 0) {
                    x[i * p + present.size() + m] = 1;
                }
            }
            return new MixedDesign(
                    this,
                    response.toArray(),
                    x,
                    names,
                    present,
                    models,
                    randomSlopes && present.size() > 1,
                    axisIntercepts);
        }
    }

    /** A growable primitive list, so 100,000 responses are not boxed. */
    private static final class DoubleList {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
