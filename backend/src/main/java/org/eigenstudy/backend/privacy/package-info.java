/**
 * The privacy concern ({@code rest} → {@code service} → {@code store}): participants' rights over
 * their data. A participant withdraws with the code their completion page showed; a researcher
 * deletes a participant's sessions by platform id or that code; both delete the sessions with their
 * answers and leave only a line in the deletion log (who, when, which study, how many). Once a
 * study's retention period has passed, platform ids are replaced by pseudonyms.
 */
package org.eigenstudy.backend.privacy;
