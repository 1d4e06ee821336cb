/**
 * All SQL of the export concern: the responses, participants and stimuli queries and their
 * cursor-streamed reading through Jdbi. May use {@code platform}.
 */
package org.eigenstudy.backend.export.store;
