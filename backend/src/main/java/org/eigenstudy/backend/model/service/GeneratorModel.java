package org.eigenstudy.backend.model.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded, checked generator: its card's facts, and {@code cardPath}, how a study file names
 * its card ({@code models[i].card}, relative to the folder study files' paths start from).
 */
public record GeneratorModel(
        long id,
        String name,
        String architecture,
        String description,
        int resolution,
        int channels,
        List<Space> spaces,
        String cardSha256,
        long bytes,
        String fileName,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String cardPath) {

    /**
     * One latent space of the card; {@code wplusLayers} is the number of layers of its W+ module
     * (StyleGAN's per-layer codes), null when it has none or the model was checked before this was
     * recorded.
     */
    public record Space(String name, int dim, String exploration, Integer wplusLayers) {}

    public GeneratorModel {
        spaces = List.copyOf(spaces);
    }

    GeneratorModel withCardPath(String path) {
        return new GeneratorModel(
                id,
                name,
                architecture,
                description,
                resolution,
                channels,
                spaces,
                cardSha256,
                bytes,
                fileName,
                uploadedBy,
                uploadedAt,
                path);
    }
}
