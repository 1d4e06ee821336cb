/** The roster's SQL over {@code participant_session}. */
package org.eigenstudy.backend.roster.store;
