package org.eigenstudy.backend.statistics.headline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * The analysed trials (catch trials and excluded participants already removed), column by column,
 * as the headline models need them: who answered, which axis (model, space, class, rank) and every
 * measure's value (NaN where the trial has none).
 */
public final class HeadlineTrials {

    int size;
    int[] participant = new int[1024];
    int[] axis = new int[1024];
    final double[][] values = new double[Measure.values().length][1024];
    final List<AxisKey> axes = new ArrayList<>();
    private final java.util.Map<AxisKey, Integer> axisIndex = new java.util.HashMap<>();

    /** One axis of one model's latent space; {@code eigenvalue} is NaN for orthogonal axes. */
    public record AxisKey(
            String modelId, String space, AxisClass axisClass, int rank, double eigenvalue) {

        /** The model factor's level: the model, and its space when the study has several. */
        String model() {
            return modelId + "/" + space;
        }

        /** Equal when model, space, class and rank are (the eigenvalue is the axis' property). */
        @Override
        public boolean equals(Object o) {
            return o instanceof AxisKey k
                    && k.modelId.equals(modelId)
                    && k.space.equals(space)
                    && k.axisClass == axisClass
                    && k.rank == rank;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(modelId, space, axisClass, rank);
        }
    }

    /** Adds one trial; {@code measures} is indexed by {@link Measure#ordinal()}. */
    public void add(int participantIndex, AxisKey key, double[] measures) {
        if (size == participant.length) {
            int capacity = size * 2;
            participant = Arrays.copyOf(participant, capacity);
            axis = Arrays.copyOf(axis, capacity);
            for (int m = 0; m < values.length; m++) {
                values[m] = Arrays.copyOf(values[m], capacity);
            }
        }
        participant[size] = participantIndex;
        axis[size] =
                axisIndex.computeIfAbsent(
                        key,
                        k -> {
                            axes.add(k);
                            return axes.size() - 1;
                        });
        for (int m = 0; m < values.length; m++) {
            values[m][size] = measures[m];
        }
        size++;
    }

    public int size() {
        return size;
    }

    double value(Measure m, int row) {
        return values[m.ordinal()][row];
    }

    AxisKey axisOf(int row) {
        return axes.get(axis[row]);
    }

    /** Whether the trials come from more than one model (then model is a fixed effect). */
    boolean severalModels() {
        return axes.stream().map(AxisKey::model).distinct().count() > 1;
    }
}
