package org.eigenstudy.backend.statistics.report;

import org.eigenstudy.backend.statistics.inference.TestResult;

/**
 * Spearman correlation of a response (magnitude or seen-change) with an axis property (eigen-rank
 * or log eigenvalue), over the trials on eigen-axes (top and bottom classes).
 */
public record RankCorrelation(String response, String predictor, TestResult spearman) {}
