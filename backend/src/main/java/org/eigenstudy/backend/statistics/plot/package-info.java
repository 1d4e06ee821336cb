/**
 * The statistics figures (bars with intervals per class and model, magnitude against eigen-rank,
 * power curves) drawn once on a {@code Canvas} and written as SVG for the dashboard or PNG for
 * papers. Depends on {@code statistics.report} records.
 */
package org.eigenstudy.backend.statistics.plot;
