/**
 * HTTP mapping of the geometry-files concern: the researcher endpoints listing a study's per-model
 * contact sheets, geometry plots and summaries, and serving the sheet images with their ETag.
 * Paths, roles, status codes and DTOs only. May depend on {@code geometry.service}, {@code web} and
 * {@code researcher.Roles}.
 */
package org.eigenstudy.backend.geometry.rest;
