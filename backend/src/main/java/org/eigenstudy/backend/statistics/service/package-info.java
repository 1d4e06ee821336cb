/**
 * Runs the analysis for a study: looks the study up, reads its responses through one cursor and
 * keeps the reports of recent (study, options, response state) keys, so the several requests of one
 * dashboard view fit the mixed models once. Depends on {@code statistics}, the study concern's
 * service and {@code domain}.
 */
package org.eigenstudy.backend.statistics.service;
