/**
 * Rendering strips: batched generator and feature passes, frame images resampled deterministically
 * and written as PNG without metadata, so equal pixels give equal bytes on reruns. May depend on
 * {@code distance}, {@code model} and {@code stimuli.frames}.
 */
package org.eigenstudy.geometry.stimuli.render;
