/**
 * The report as tables: tidy CSV (one number per line), Markdown and LaTeX laid out like the
 * paper's results paragraph, the headline first and the trial-level tests labelled descriptive.
 * Depends on {@code statistics.report}.
 */
package org.eigenstudy.backend.statistics.tables;
