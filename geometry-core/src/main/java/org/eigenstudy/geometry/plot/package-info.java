/**
 * The paper's geometry figures (log spectrum, consistency histograms) drawn headless to PNG.
 * Depends on {@code analysis} records only. The backend's statistics charts are a separate stack
 * because they draw different chart kinds (bars with error bars, rank scatter) to SVG for the
 * dashboard.
 */
package org.eigenstudy.geometry.plot;
