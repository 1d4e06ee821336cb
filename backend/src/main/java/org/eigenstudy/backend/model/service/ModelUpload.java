package org.eigenstudy.backend.model.service;

/** The answer to an upload: the model, and whether this upload stored it or found it stored. */
public record ModelUpload(GeneratorModel model, boolean created) {}
