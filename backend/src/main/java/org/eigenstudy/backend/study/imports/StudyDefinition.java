package org.eigenstudy.backend.study.imports;

import java.util.List;
import org.eigenstudy.backend.study.StudyDesign;

/** What the platform keeps from a parsed study config. */
public record StudyDefinition(
        String slug,
        String title,
        int version,
        String description,
        String instructions,
        List<ModelEntry> models,
        StudyDesign design,
        String completionCode,
        String prolificCompletionUrl,
        String compensation,
        String configSha256) {

    /** A model of the config: its id, the label researchers see and its latent space. */
    public record ModelEntry(String id, String label, String space) {}
}
