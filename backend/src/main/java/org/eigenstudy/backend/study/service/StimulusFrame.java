package org.eigenstudy.backend.study.service;

/** One stimulus image file of a study, verified against its manifest checksum at import. */
public record StimulusFrame(String path, String sha256, String mediaType) {}
