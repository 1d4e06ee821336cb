/**
 * The dashboard's live-progress endpoint. May depend on {@code progress.service} and {@code web}.
 */
package org.eigenstudy.backend.progress.rest;
