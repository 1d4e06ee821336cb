/**
 * The SQL that reads a study's tidy responses and applies its catch-trial exclusion rule. May
 * depend on Jdbi and {@code statistics.tidy}.
 */
package org.eigenstudy.backend.statistics.tidy.store;
