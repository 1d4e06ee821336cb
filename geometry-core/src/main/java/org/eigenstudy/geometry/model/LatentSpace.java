package org.eigenstudy.geometry.model;

import java.util.List;

/**
 * One latent space of a model card. {@code components} lists the parts of a composite space (e.g.
 * BigGAN {@code full} = noise ⊕ class embedding) in concatenation order, or is empty.
 */
public record LatentSpace(
        String name,
        int dim,
        Prior prior,
        String exploration,
        String module,
        List<Component> components) {

    /**
     * A named block of a composite space; {@code prior} is how its part of a reference code is
     * drawn when the space's prior is {@code components}, else null.
     */
    public record Component(String name, int dim, Prior prior) {}
}
