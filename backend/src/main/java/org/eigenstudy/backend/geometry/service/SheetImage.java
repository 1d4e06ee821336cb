package org.eigenstudy.backend.geometry.service;

import java.nio.file.Path;

/** A sheet image to send: where it lies and its SHA-256 (the ETag). */
public record SheetImage(Path file, String sha256) {}
