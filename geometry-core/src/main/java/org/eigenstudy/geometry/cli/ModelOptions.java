package org.eigenstudy.geometry.cli;

import java.nio.file.Path;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.FeatureMaps;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import picocli.CommandLine.Option;

/**
 * Which generator, space and image distance a command works on (the device: {@link EngineOptions}).
 */
final class ModelOptions {
    @Option(names = "--model", required = true, description = "model-card.json of the generator")
    Path model;

    @Option(
            names = "--space",
            defaultValue = "z",
            description = "latent space name (default: ${DEFAULT-VALUE})")
    String space;

    @Option(
            names = "--distance",
            defaultValue = "mse",
            description = "mse, or the path of a feature-map-card.json (e.g. LPIPS)")
    String distance;

    @Option(
            names = "--equalize",
            description = "brightness/contrast-equalise images before the distance")
    boolean equalize;

    @Option(names = "--resize", description = "resize images to this size before the distance")
    Integer resize;

    ModelCard card() {
        return ModelCard.read(model);
    }

    /** Opens the generator on the engine's device, after capping its threads. */
    Generator openGenerator(ModelCard card, EngineOptions engine) {
        engine.applyThreads();
        return Generator.open(card, space, engine.deviceChoice());
    }

    FeatureMap featureMap(Generator generator) {
        return FeatureMaps.create(distance, equalize, resize, generator);
    }
}
