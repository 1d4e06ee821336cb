/**
 * HTTP of the study concern: import, list, open and close study versions. May use {@code
 * study.service}, {@code web}, {@code researcher.Roles}.
 */
package org.eigenstudy.backend.study.rest;
