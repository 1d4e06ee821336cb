/**
 * HTTP for the statistics concern: the report as JSON, CSV, Markdown and LaTeX, the per-axis CSV
 * and the figures; query parameters are validated by the service (400 naming the parameter). No
 * statistics here. Depends on {@code statistics.service}, {@code statistics.tables}, {@code
 * statistics.plot} and {@code web}.
 */
package org.eigenstudy.backend.statistics.rest;
