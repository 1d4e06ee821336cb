package org.eigenstudy.backend.api;

/** One thing wrong with a request: what, which field (may be null) and which rule it broke. */
public record ApiProblem(String error, String field, String rule) {}
