/**
 * Image distances pulled back to latent space: pixel MSE and TorchScript feature maps (LPIPS), with
 * optional equalisation and resizing, combined with a generator into an {@code ImageMetric}. May
 * depend on {@code model}, {@code io} and {@code ndarray}.
 */
package org.eigenstudy.geometry.distance;
