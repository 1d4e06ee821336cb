package org.eigenstudy.backend.statistics.bench;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Deterministic synthetic responses shaped like the paper's study (four 512-d models; seen-change
 * 93.5 / 89.8 / 48.5 %; magnitude 70 / 67 / 61 %), participant by participant, each with a number
 * of catch trials of which about 2 % of participants fail one.
 */
public final class SyntheticResponses implements Iterator<ResponseRow> {

    private static final String[] MODELS = {"pggan", "biggan", "stylegan2-cat", "stylegan2-face"};
    private static final double[] SEEN = {0.935, 0.898, 0.485};
    private static final double[] MAGNITUDE = {70.3, 66.8, 61.5};
    private static final int DIMENSION = 512;

    private final SplittableRandom random;
    private final long participants;
    private final int trialsPerParticipant;
    private final int catchTrialsPerParticipant;
    private long participant;
    private int trial;

    /**
     * @param trialsPerParticipant rows per participant, catch trials included
     */
    public SyntheticResponses(
            long participants, int trialsPerParticipant, int catchTrialsPerParticipant, long seed) {
        this.random = new SplittableRandom(seed);
        this.participants = participants;
        this.trialsPerParticipant = trialsPerParticipant;
        this.catchTrialsPerParticipant = catchTrialsPerParticipant;
    }

    @Override
    public boolean hasNext() {
        return participant < participants;
    }

    @Override
    public ResponseRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long id = 1000 + participant;
        ResponseRow row = trial < catchTrialsPerParticipant ? catchTrial(id) : trial(id);
        if (++trial == trialsPerParticipant) {
            trial = 0;
            participant++;
        }
        return row;
    }

    private ResponseRow catchTrial(long id) {
        boolean passed = id % 50 != 0 || trial > 0;
        return new ResponseRow(
                id, null, null, null, 0, Double.NaN, false, null, null, null, null, true, passed);
    }

    private ResponseRow trial(long id) {
        AxisClass axisClass = AxisClass.values()[random.nextInt(3)];
        int c = axisClass.ordinal();
        int index = 1 + random.nextInt(10);
        int rank = axisClass == AxisClass.BOTTOM ? DIMENSION - 10 + index : index;
        double eigenvalue =
                axisClass == AxisClass.ORTHOGONAL ? Double.NaN : 10.0 * Math.exp(-rank / 40.0);
        boolean seen = random.nextDouble() < SEEN[c];
        Double magnitude = null;
        Integer shared = null;
        Integer consistency = null;
        if (seen) {
            magnitude =
                    (double)
                            Math.round(
                                    Math.max(
                                            0,
                                            Math.min(
                                                    100,
                                                    MAGNITUDE[c]
                                                            - 0.1 * index
                                                            + 18 * random.nextGaussian())));
            shared = random.nextInt(6);
            consistency = 1 + random.nextInt(9);
        }
        int difficulty = 1 + random.nextInt(9);
        return new ResponseRow(
                id,
                MODELS[random.nextInt(MODELS.length)],
                "z",
                axisClass,
                rank,
                eigenvalue,
                seen,
                magnitude,
                shared,
                consistency,
                difficulty,
                false,
                null);
    }
}
