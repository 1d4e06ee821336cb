package org.eigenstudy.geometry.stimuli;

import java.util.Random;
import org.eigenstudy.geometry.model.ReferenceCodes;

/**
 * Draws a study's latent codes as the model card says ({@link ReferenceCodes}), optionally with
 * normal draws truncated at {@code truncation} standard deviations (the spec's {@code
 * reference_prior.truncation}), each code from its own seed stream.
 */
public final class LatentSampler implements AutoCloseable {
    private final ReferenceCodes codes;

    public LatentSampler(ModelPlan plan, Double truncation) {
        this.codes = ReferenceCodes.open(plan.card(), plan.space(), truncation);
    }

    /** Code number {@code index} of the stream {@code label}: independent of every other index. */
    public float[] sample(long seed, String label, long index) {
        return codes.draw(new Random(Seeds.derive(seed, label, index)));
    }

    public int dim() {
        return codes.dim();
    }

    @Override
    public void close() {
        codes.close();
    }
}
