package org.eigenstudy.backend.statistics.inference;

/** A two-sided confidence interval. */
public record Interval(double low, double high) {}
