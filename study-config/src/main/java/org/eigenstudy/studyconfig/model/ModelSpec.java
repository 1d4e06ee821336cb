package org.eigenstudy.studyconfig.model;

/**
 * One entry of {@code models:}: a generator (its model card, relative to the YAML file), the latent
 * space explored, and how its stimuli are made. {@code label} may be null.
 */
public record ModelSpec(String id, String card, String space, String label, StimulusSpec stimuli) {

    /** The label shown to researchers, falling back to the id. */
    public String displayLabel() {
        return label == null ? id : label;
    }
}
