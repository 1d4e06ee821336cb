/**
 * Generators: model cards, latent spaces and priors, and TorchScript modules opened through DJL on
 * a chosen device. May depend on {@code io} and study-config's {@code Sha256}.
 */
package org.eigenstudy.geometry.model;
