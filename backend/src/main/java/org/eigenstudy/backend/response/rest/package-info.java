/**
 * HTTP mapping of participants' answers: {@code PUT
 * /api/participant/sessions/{token}/responses/{clientResponseId}}. May depend on {@code
 * response.service}.
 */
package org.eigenstudy.backend.response.rest;
