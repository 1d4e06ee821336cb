/**
 * The resumable work folder of a stimuli run ({@code .work/}): per-model fingerprints, Hessian
 * points and shards, strip records, all written atomically. May depend on {@code hessian}, {@code
 * io}, the {@code stimuli} records and study-config's manifest.
 */
package org.eigenstudy.geometry.stimuli.work;
