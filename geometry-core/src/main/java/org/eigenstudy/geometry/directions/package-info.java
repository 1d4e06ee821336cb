/**
 * Latent directions from methods other than the metric's eigen-axes, so that a study can set any of
 * them beside the Hessian axes (issue #19): SeFa's closed-form factorisation of the first
 * latent-to-feature weight ({@link Sefa}), GANSpace's principal components ({@link GanSpace}),
 * isotropic random unit vectors as a control ({@link RandomDirections}) and a researcher's own
 * vectors ({@link ImportedDirections}). Each method returns a {@link DirectionSet}: unit vectors
 * with labels and the provenance needed to recompute them.
 */
package org.eigenstudy.geometry.directions;
