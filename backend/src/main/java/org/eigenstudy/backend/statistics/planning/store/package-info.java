/**
 * The SQL that keeps the last power simulation per study version and measure (table {@code
 * power_simulation}, V9). May depend on Jdbi, Jackson and {@code statistics.planning}'s records.
 */
package org.eigenstudy.backend.statistics.planning.store;
