package org.eigenstudy.backend.statistics.tests;

/** A two-sided confidence interval. */
public record Interval(double low, double high) {}
