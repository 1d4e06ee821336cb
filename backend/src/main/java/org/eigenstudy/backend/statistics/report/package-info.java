/**
 * The statistics report as records, serialised to JSON as they are (schema {@code
 * eigenstudy-statistics/2}); not-computable results carry a reason instead of NaN. Depends on
 * {@code statistics.inference}, {@code statistics.headline} and {@code statistics.planning} records
 * only.
 */
package org.eigenstudy.backend.statistics.report;
