/**
 * The report as tables: tidy CSV (one number per line), Markdown and LaTeX laid out like the
 * paper's results paragraph, the headline first, then the last power simulations, and the
 * trial-level tests labelled descriptive. Depends on {@code statistics.report} and the records of
 * {@code statistics.planning}.
 */
package org.eigenstudy.backend.statistics.tables;
