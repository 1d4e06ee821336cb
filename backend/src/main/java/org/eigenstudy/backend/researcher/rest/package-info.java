/**
 * HTTP of the researcher concern: who am I, logout, accounts, API tokens, the bearer-token
 * authentication mechanism and the CSRF guard of the cookie-authenticated dashboard. May use {@code
 * researcher.service}, {@code web}.
 */
package org.eigenstudy.backend.researcher.rest;
