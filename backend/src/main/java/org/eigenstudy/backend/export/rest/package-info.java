/**
 * HTTP of the export concern: the download endpoint, its media types and headers. May use {@code
 * export.service}, {@code researcher.Roles}.
 */
package org.eigenstudy.backend.export.rest;
