package org.eigenstudy.geometry.model;

import java.util.List;

/**
 * One latent space of a model card. {@code components} lists the parts of a composite space (e.g.
 * BigGAN {@code full} = noise ⊕ class embedding) in concatenation order, or is empty. {@code
 * upstreamScale}, when the card gives one, says that the upstream model's code is this times the
 * module's input (BigGAN's noise: z = truncation · u), so results are also reported in its units.
 * {@code features}, when given, is a TorchScript file mapping codes [B, dim] to an early layer's
 * activations [B, F]: GANSpace's PCA input for spaces whose codes are isotropic draws (null when
 * the card has none). {@code wplus}, when given, is a module taking one code per synthesis layer,
 * [B, layers · dim] with layer l's code at [l · dim, (l + 1) · dim) (StyleGAN2's W+), so that an
 * edit can be confined to a range of layers (null when the card has none). {@code jvp}: the module
 * also has a forward-mode method {@code jvp(z [1, dim], v [K, dim]) → (G(z), ∂G(z)·v)}, which the
 * exact Hessian then uses for its Jacobian columns.
 */
public record LatentSpace(
        String name,
        int dim,
        Prior prior,
        String exploration,
        String module,
        List<Component> components,
        Double upstreamScale,
        String features,
        WPlus wplus,
        boolean jvp) {

    /**
     * The space's W+ module: {@code layers} codes of the space's dim, concatenated in order. {@code
     * styles.get(l)} names the weights of the space's module that layer l's code feeds (StyleGAN's
     * style affines, what SeFa factorises); empty when the card predates them.
     */
    public record WPlus(String module, int layers, List<List<String>> styles) {
        /** The dimension of its codes, layers · dim. */
        public int dim(int spaceDim) {
            return Math.multiplyExact(layers, spaceDim);
        }
    }

    /**
     * A named block of a composite space; {@code prior} is how its part of a reference code is
     * drawn when the space's prior is {@code components}, else null.
     */
    public record Component(String name, int dim, Prior prior) {}
}
