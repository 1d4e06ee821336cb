package org.eigenstudy.studyconfig.manifest;

import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigWriter;

/**
 * The SHA-256 a stimulus manifest pins its config by ({@code config_sha256}): of the part of the
 * config the stimuli are made from ({@link StudyConfigWriter#stimuliYaml}), so a study's title,
 * texts, design or recruitment (and its slug, for a duplicate) can change without new stimuli,
 * while any change to a model, its axes, distances, frames, images or seed needs them. Comments and
 * formatting do not count either.
 */
public final class StimuliFingerprint {

    private StimuliFingerprint() {}

    public static String of(StudyConfig config) {
        return Sha256.of(StudyConfigWriter.stimuliYaml(config));
    }

    /**
     * Whether stimuli pinned to {@code configSha256} fit {@code config}: the fingerprint, or (for
     * manifests written before the fingerprint, which hashed the whole YAML text) the text's hash.
     */
    public static boolean matches(StudyConfig config, String configSha256) {
        return of(config).equalsIgnoreCase(configSha256)
                || config.source().sha256().equalsIgnoreCase(configSha256);
    }
}
