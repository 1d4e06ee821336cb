/**
 * geometry-core: metric tensors of a generative model's image manifold (the Hessian of an image
 * distance pulled back to the latent space), their spectra and statistics, and a study's stimuli.
 * Data flows study-config → here → the backend: this module reads study-config's typed contracts
 * and writes the manifest, sheets and geometry summary the backend imports; it never depends on the
 * backend. {@link org.eigenstudy.geometry.GeometryException} is the one error type its commands
 * turn into a one-line message.
 */
package org.eigenstudy.geometry;
