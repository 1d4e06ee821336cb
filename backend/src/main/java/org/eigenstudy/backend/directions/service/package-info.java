/**
 * Checks and keeps uploaded direction files, and checks a study file's {@code directions.imported}
 * against them.
 */
package org.eigenstudy.backend.directions.service;
