package org.eigenstudy.backend.study.service;

/** A generator and latent space of a study, as imported from the stimulus manifest. */
public record StudyModel(
        long id,
        String modelKey,
        String label,
        String space,
        String exploration,
        double distance,
        String imageDistance) {}
