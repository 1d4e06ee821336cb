/**
 * Stimulus precompute jobs: "Compute stimuli" runs geometry-core's pipeline for a study file on
 * this server, in a child process per job ({@code PrecomputeWorker}: bounded concurrency, resumed
 * after a restart), with live progress, log and cancel; the finished stimuli become a verified
 * stimulus bundle. {@code rest} → {@code service} → {@code store}; bundles through the bundle
 * concern's {@code StimulusBundleService}.
 */
package org.eigenstudy.backend.precompute;
