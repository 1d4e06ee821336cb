package org.eigenstudy.studyconfig.model;

/**
 * Perceptually matched steps ({@code stimuli.matched_steps}): instead of a fixed latent distance,
 * every strip ends where its image distance to the reference (the study's {@code hessian.distance},
 * MSE or LPIPS) reaches {@code imageDistance}, on each side, and its frames sit at equal steps of
 * image distance; {@code StimulusSpec.distance} is then the furthest latent distance searched. So
 * conditions differ in direction, not in how much the image changes.
 */
public record MatchedSteps(double imageDistance) {}
