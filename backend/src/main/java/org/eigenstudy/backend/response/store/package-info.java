/**
 * All SQL of responses, through Jdbi: the one INSERT of an answer and the reads the careful path
 * needs. May depend on Jdbi and the records of {@code response.service} and {@code
 * participant.service}.
 */
package org.eigenstudy.backend.response.store;
