/**
 * Runs the analysis for a study: looks the study up, reads its responses through one cursor and
 * keeps the reports of recent (study, options, response state) keys, so the several requests of one
 * dashboard view fit the mixed models once; adds the last power simulation ({@code
 * planning.service}) to every report it serves. Depends on {@code statistics}, {@code
 * statistics.planning.service}, the study concern's service and {@code domain}.
 */
package org.eigenstudy.backend.statistics.service;
