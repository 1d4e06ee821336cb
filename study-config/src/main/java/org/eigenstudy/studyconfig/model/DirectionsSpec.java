package org.eigenstudy.studyconfig.model;

import java.util.List;

/**
 * The options of the direction methods other than the metric's ({@code stimuli.directions}); each
 * applies only when {@link AxesSpec} asks for axes of that method.
 *
 * @param sefaWeights the TorchScript parameter names whose latent-to-feature maps SeFa factorises
 *     (stacked); empty = the style affines of {@code layers} (all by default) in a StyleGAN W
 *     space, else the generator's first weight that maps the code (chosen by geometry-core)
 * @param ganspaceSamples how many latent codes GANSpace samples for its PCA
 * @param importedFile the researcher's directions ({@code .npy} [count, dim] or CSV {@code
 *     label,v1,…}), relative to the study file; null when none are imported
 * @param layers the synthesis layers the method directions apply to (W+ edits, as GANSpace's are);
 *     null = every layer, i.e. the space's own module. Needs a card whose space has a W+ module
 *     with at least {@code end} layers (checked against the card by geometry-core)
 */
public record DirectionsSpec(
        List<String> sefaWeights, int ganspaceSamples, String importedFile, LayerRange layers) {

    public static final DirectionsSpec DEFAULT = new DirectionsSpec(List.of(), 4096, null, null);

    /** Layers [start, end): 0-based, end exclusive, 0 ≤ start < end. */
    public record LayerRange(int start, int end) {
        public LayerRange {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException(
                        "layers must be [start, end] with 0 <= start < end, got ["
                                + start
                                + ", "
                                + end
                                + "]");
            }
        }
    }

    public DirectionsSpec {
        sefaWeights = List.copyOf(sefaWeights);
    }
}
