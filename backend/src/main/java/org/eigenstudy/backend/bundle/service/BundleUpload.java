package org.eigenstudy.backend.bundle.service;

/**
 * The answer to an upload: the bundle, and whether this upload stored it or found the same manifest
 * already stored (an upload is idempotent).
 */
public record BundleUpload(StimulusBundle bundle, boolean created) {}
