/**
 * Direction files: a researcher's own latent directions ({@code .npy} [count, dim] or CSV {@code
 * label,v1,…,vn}) uploaded for a study file's {@code stimuli.directions.imported}, checked by
 * geometry-core's {@code check-directions} (read as the pipeline reads them: finite, non-zero, one
 * size) before they are kept, listed with their size, labels and the path a study file names them
 * by, and deleted. Study files that import directions are checked against them before stimuli are
 * computed (the file is uploaded, its vectors have the model's latent size, it holds enough rows).
 * {@code rest} → {@code service} → {@code store}; the CLI through the precompute concern's {@code
 * GeometryCli}.
 */
package org.eigenstudy.backend.directions;
