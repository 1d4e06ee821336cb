/**
 * The participant-session rules: who may start (arrival checks, repeats, continuation from another
 * browser, the start rate), which trials a session gets (least-filled cells), what its page shows,
 * and when it is finished. A session's status is the database's {@code session_status}, read as
 * {@link org.eigenstudy.backend.participant.service.SessionStatus}, never recomputed. Each session
 * call is one transaction ({@code store.SessionTransaction}, a Jdbi local one: see there why);
 * refusals are {@code DomainException}s. May depend on {@code participant.store}, the {@code study}
 * concern's design record, {@code crypto}, {@code domain} and study-config.
 */
package org.eigenstudy.backend.participant.service;
