package org.eigenstudy.backend.bundle.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded, verified stimulus bundle: which study config its manifest was made from, what it
 * holds, and who uploaded it when. Its folder is the platform's, under {@link BundleConfig#folder}.
 */
public record StimulusBundle(
        long id,
        String manifestSha256,
        String study,
        String configSha256,
        List<String> models,
        int frames,
        long bytes,
        String fileName,
        String uploadedBy,
        OffsetDateTime uploadedAt) {

    public StimulusBundle {
        models = List.copyOf(models);
    }
}
