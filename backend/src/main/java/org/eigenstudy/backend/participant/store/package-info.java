/**
 * All SQL of participant sessions, through Jdbi: sessions and their tokens, the studies
 * participants reach, trial assignment and fill counters, and the strips a session shows. Runs in
 * the caller's transaction and never commits. May depend on Jdbi, study-config and {@code
 * participant.service}'s records.
 */
package org.eigenstudy.backend.participant.store;
