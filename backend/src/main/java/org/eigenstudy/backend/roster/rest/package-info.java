/** HTTP endpoints of the roster under {@code /api/researcher/studies/{id}/participants}. */
package org.eigenstudy.backend.roster.rest;
