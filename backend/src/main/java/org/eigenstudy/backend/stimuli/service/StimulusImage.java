package org.eigenstudy.backend.stimuli.service;

import java.nio.file.Path;

/** A stimulus image to send: where it lies, its SHA-256 (the ETag) and its media type. */
public record StimulusImage(Path file, String sha256, String mediaType) {}
