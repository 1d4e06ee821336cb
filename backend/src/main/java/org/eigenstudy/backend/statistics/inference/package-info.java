/**
 * The classical tests of the descriptive comparisons, each matching an R function and validated
 * against it: Welch/Student and paired t, Wilcoxon signed-rank and rank-sum, proportions (Wilson,
 * chi-square, Fisher), Spearman, Holm. Apache Commons Statistics computes where it can; a routine
 * is hand-written only where the library lacks R's behaviour or a measured need says so (each says
 * which). Depends on nothing else of the backend.
 */
package org.eigenstudy.backend.statistics.inference;
