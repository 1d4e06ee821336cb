package org.eigenstudy.studyconfig.model;

import java.util.List;

/**
 * The options of the direction methods other than the metric's ({@code stimuli.directions}); each
 * applies only when {@link AxesSpec} asks for axes of that method.
 *
 * @param sefaWeights the TorchScript parameter names whose latent-to-feature maps SeFa factorises
 *     (stacked); empty = the generator's first weight that maps the code
 * @param ganspaceSamples how many latent codes GANSpace samples for its PCA
 * @param importedFile the researcher's directions ({@code .npy} [count, dim] or CSV {@code
 *     label,v1,…}), relative to the study file; null when none are imported
 */
public record DirectionsSpec(List<String> sefaWeights, int ganspaceSamples, String importedFile) {

    public static final DirectionsSpec DEFAULT = new DirectionsSpec(List.of(), 4096, null);

    public DirectionsSpec {
        sefaWeights = List.copyOf(sefaWeights);
    }
}
