package org.eigenstudy.geometry.model;

import java.util.List;

/**
 * One latent space of a model card. {@code components} lists the parts of a composite space (e.g.
 * BigGAN {@code full} = noise ⊕ class embedding) in concatenation order, or is empty. {@code
 * upstreamScale}, when the card gives one, says that the upstream model's code is this times the
 * module's input (BigGAN's noise: z = truncation · u), so results are also reported in its units.
 * {@code features}, when given, is a TorchScript file mapping codes [B, dim] to an early layer's
 * activations [B, F]: GANSpace's PCA input for spaces whose codes are isotropic draws (null when
 * the card has none).
 */
public record LatentSpace(
        String name,
        int dim,
        Prior prior,
        String exploration,
        String module,
        List<Component> components,
        Double upstreamScale,
        String features) {

    /**
     * A named block of a composite space; {@code prior} is how its part of a reference code is
     * drawn when the space's prior is {@code components}, else null.
     */
    public record Component(String name, int dim, Prior prior) {}
}
