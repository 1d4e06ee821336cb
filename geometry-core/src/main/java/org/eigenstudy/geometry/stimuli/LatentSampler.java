package org.eigenstudy.geometry.stimuli;

import java.util.Random;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.Prior;

/**
 * Draws latent codes from a space's prior, optionally truncated at {@code truncation} standard
 * deviations (the spec's {@code reference_prior.truncation}). A sphere prior ignores truncation:
 * its codes all have the same norm, which is what the generator expects.
 */
public final class LatentSampler {
    private final int dim;
    private final Prior prior;

    public LatentSampler(LatentSpace space, Double truncation) {
        this.dim = space.dim();
        this.prior = truncate(space.prior(), truncation);
    }

    private static Prior truncate(Prior prior, Double truncation) {
        if (truncation == null) {
            return prior;
        }
        return switch (prior.kind()) {
            case "sphere" -> prior;
            case "truncated_normal" ->
                    new Prior("truncated_normal", Math.min(prior.threshold(), truncation), null);
            default -> new Prior("truncated_normal", truncation, null);
        };
    }

    /** Code number {@code index} of the stream {@code label}: independent of every other index. */
    public float[] sample(long seed, String label, long index) {
        return prior.sample(dim, new Random(Seeds.derive(seed, label, index)));
    }

    public int dim() {
        return dim;
    }
}
