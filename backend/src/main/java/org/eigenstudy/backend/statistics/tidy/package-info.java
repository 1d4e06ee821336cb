/**
 * A study's analysed responses in tidy form, one row per answered trial with the axis named: what
 * the mixed models, the power simulation and the reproducibility bundle read. Pure Java; may depend
 * on {@code statistics} (measures, axis classes) and {@code statistics.mixed}.
 */
package org.eigenstudy.backend.statistics.tidy;
