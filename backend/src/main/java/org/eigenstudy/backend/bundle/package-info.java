/**
 * Stimulus bundles: a stimuli folder (manifest.json and its frames) computed on another machine and
 * uploaded as one .zip, so a study can be imported with no shell on the server and no shared file
 * system. {@code rest} → {@code service} → {@code store}; the study concern imports from a bundle's
 * folder through {@code StimulusBundleService}, and this concern knows nothing of studies.
 */
package org.eigenstudy.backend.bundle;
