/**
 * A study's data downloads (responses as CSV and JSON, participants, stimuli): which exist, their
 * file names, and the CSV (Jackson CSV) and JSON writers the rows stream through. May use {@code
 * export.store}, {@code study.service}, {@code domain}.
 */
package org.eigenstudy.backend.export.service;
