package org.eigenstudy.geometry.distance;

import java.nio.file.Path;
import org.eigenstudy.geometry.model.Generator;

/**
 * Builds the feature map a run asks for: {@code mse} or a feature-map card, ± equalise, ± resize.
 */
public final class FeatureMaps {
    private FeatureMaps() {}

    /**
     * @param distance {@code mse} or the path of a {@code feature-map-card.json}
     * @param resize target size, or null to keep the generator's resolution
     */
    public static FeatureMap create(
            String distance, boolean equalize, Integer resize, Generator generator) {
        FeatureMap map =
                "mse".equals(distance)
                        ? new PixelMse()
                        : TorchScriptFeatureMap.load(
                                Path.of(distance),
                                generator.card().valueRange(),
                                generator.device());
        if (equalize) {
            map = new Equalized(map);
        }
        return resize == null ? map : new Resized(map, resize);
    }
}
