/**
 * HTTP mapping of the stimuli concern: the public image route participants' browsers load
 * (cacheable for a year, ETag = SHA-256) and the researcher endpoint with a study's stimulus
 * structure as JSON. May depend on {@code stimuli.service}, {@code web} and {@code
 * researcher.Roles}.
 */
package org.eigenstudy.backend.stimuli.rest;
