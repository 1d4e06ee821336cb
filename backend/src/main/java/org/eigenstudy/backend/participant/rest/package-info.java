/**
 * HTTP mapping of participant sessions: start (rate-limited per client address), resume, consent
 * and finish under {@code /api/participant/sessions}, the public study summary and preview, and the
 * participant link {@code /study/{slug}}. No SQL, no domain rule. May depend on {@code
 * participant.service} and {@code web}.
 */
package org.eigenstudy.backend.participant.rest;
