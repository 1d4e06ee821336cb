package org.eigenstudy.geometry.directions;

/**
 * One latent direction: its label (what the method calls it: "sefa-1", or the researcher's own
 * name), a unit vector, and the method's score for it when it has one (an eigenvalue of AᵀA for
 * SeFa, the explained variance for GANSpace; null for random and imported vectors).
 */
public record Direction(String label, double[] vector, Double score) {}
