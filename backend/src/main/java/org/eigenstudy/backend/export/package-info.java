/**
 * The export concern ({@code rest} → {@code service} → {@code store}): a study's raw data as
 * streamed CSV and JSON downloads. The statistics tables are {@code statistics.tables}.
 */
package org.eigenstudy.backend.export;
