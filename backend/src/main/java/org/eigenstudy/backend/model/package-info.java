/**
 * Generators as first-class objects: a model card and its TorchScript modules uploaded as one .zip,
 * checked by geometry-core's {@code check-model} (every module loads and runs at the card's latent
 * size) before it is kept, and listed with its card facts, a sample grid and the {@code card:} path
 * a study file names it by. {@code rest} → {@code service} → {@code store}; the CLI through the
 * precompute concern's {@code GeometryCli}, unpacking through {@code archive}.
 */
package org.eigenstudy.backend.model;
