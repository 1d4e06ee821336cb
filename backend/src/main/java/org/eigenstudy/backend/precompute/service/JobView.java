package org.eigenstudy.backend.precompute.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A job with, once it ran, its last progress (null before the first report); the job's fields are
 * the view's own in JSON.
 */
public record JobView(@JsonUnwrapped PrecomputeJob job, JobProgress progress) {}
