package org.eigenstudy.studyconfig;

/** A 1-based line and column in a YAML file. */
public record SourceLocation(int line, int column) {}
