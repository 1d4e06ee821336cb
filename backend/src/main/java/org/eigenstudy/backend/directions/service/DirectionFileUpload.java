package org.eigenstudy.backend.directions.service;

/** The answer to an upload: the file, and whether this upload stored it or found it stored. */
public record DirectionFileUpload(DirectionFile file, boolean created) {}
