package org.eigenstudy.geometry.cli;

import java.nio.file.Path;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.FeatureMaps;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import picocli.CommandLine.Option;

/** Which generator, space, device and image distance a command works on. */
final class ModelOptions {
    @Option(names = "--model", required = true, description = "model-card.json of the generator")
    Path model;

    @Option(
            names = "--space",
            defaultValue = "z",
            description = "latent space name (default: ${DEFAULT-VALUE})")
    String space;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "cpu | gpu | auto (default: ${DEFAULT-VALUE})")
    String device;

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

    @Option(names = "--threads", description = "libtorch CPU threads (default: DJL's choice)")
    Integer threads;

    ModelCard card() {
        return ModelCard.read(model);
    }

    Generator openGenerator(ModelCard card) {
        if (threads != null) {
            // Read by DJL when the engine starts, i.e. before the first model loads.
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Generator.open(card, space, DeviceChoice.parse(device));
    }

    FeatureMap featureMap(Generator generator) {
        return FeatureMaps.create(distance, equalize, resize, generator);
    }
}
