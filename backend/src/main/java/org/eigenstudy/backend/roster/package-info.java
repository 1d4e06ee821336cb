/**
 * The roster concern ({@code rest} → {@code service} → {@code store}): a study's participant
 * sessions as its researchers manage them: the sessions table (platform ids masked unless asked
 * for), excluding a session with a reason (the analysis view then leaves it out) and the
 * approve/reject/bonus files MTurk and Prolific take for bulk upload.
 */
package org.eigenstudy.backend.roster;
