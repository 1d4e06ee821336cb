package org.eigenstudy.geometry.stimuli;

import java.nio.file.Path;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ModelSpec;

/**
 * One model entry of a study config, checked against its model card and ready to compute: the
 * resolved exploration (the config's, else the card's default) and the feature-map card of the
 * image distance ({@code null} = pixel MSE), the researcher's own Hessian codes ({@code null} =
 * drawn from the prior) and the file of imported directions ({@code null} = none imported).
 */
public record ModelPlan(
        ModelSpec spec,
        ModelCard card,
        LatentSpace space,
        Exploration exploration,
        Path featureMapCard,
        Path hessianCodes,
        Path importedDirections) {

    public String id() {
        return spec.id();
    }

    public int dim() {
        return space.dim();
    }
}
