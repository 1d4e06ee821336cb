/**
 * The headline of a study's statistics: per measure a mixed-effects model with crossed random
 * effects for participants and axes (statistics/mixed), reported as estimated class means,
 * Holm-adjusted class contrasts, variance components, ICCs and standardised effect sizes; and the
 * per-axis table with each axis's conditional mode.
 *
 * <p>Depends on {@code statistics} (measures, axis classes), {@code statistics.mixed} (the fits)
 * and study-config's manifest (axis ids); nothing here reads the database or knows HTTP.
 */
package org.eigenstudy.backend.statistics.headline;
