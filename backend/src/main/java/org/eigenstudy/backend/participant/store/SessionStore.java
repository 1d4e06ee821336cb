package org.eigenstudy.backend.participant.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eigenstudy.backend.participant.service.Arrival;
import org.eigenstudy.backend.participant.service.SessionStatus;
import org.eigenstudy.backend.participant.service.StartSessionRequest.ClientInfo;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The participant session rows. Every statement runs in the caller's transaction ({@link
 * SessionTransaction}: one handle and connection for the whole call); none of them commits. The
 * status of a session is always the database's {@code session_status} (V7__session_status.sql).
 */
@ApplicationScoped
public class SessionStore {

    private static final String COLUMNS =
            """
            SELECT s.id, s.study_id, st.state AS study_state,
                   session_status(s.state, s.expires_at) AS status, s.source, s.external_id,
                   s.consented_at, s.expires_at, s.completion_code, s.assignment_id, s.turk_submit_to
            FROM participant_session s JOIN study st ON st.id = s.study_id
            """;

    /** By any of the session's tokens (V6: the first one or one issued to continue). */
    private static final String FIND = COLUMNS + "WHERE s.id = session_of_token(:hash)";

    /**
     * The newest session of one MTurk assignment (worker, HIT and assignment) or one Prolific
     * session (participant, study and session); {@code IS NOT DISTINCT FROM} because the ids of the
     * other platform are NULL.
     */
    private static final String FIND_BY_IDENTITY =
            COLUMNS
                    + """
                    WHERE s.study_id = :study AND s.source = :source AND s.external_id = :externalId
                      AND s.assignment_id IS NOT DISTINCT FROM :assignmentId
                      AND s.hit_id IS NOT DISTINCT FROM :hitId
                      AND s.prolific_study_id IS NOT DISTINCT FROM :prolificStudyId
                      AND s.prolific_session_id IS NOT DISTINCT FROM :prolificSessionId
                    ORDER BY s.id DESC LIMIT 1 FOR UPDATE OF s
                    """;

    private static final String ADD_TOKEN =
            "INSERT INTO session_token (token_sha256, session_id) VALUES (:hash, :session)";

    private static final String INSERT =
            """
            INSERT INTO participant_session (study_id, token_sha256, source, external_id,
                assignment_id, hit_id, turk_submit_to, prolific_study_id, prolific_session_id,
                user_agent, screen_width, screen_height, time_zone, language, state, expires_at,
                pilot)
            VALUES (:study, :hash, :source, :externalId, :assignmentId, :hitId, :turkSubmitTo,
                    :prolificStudyId, :prolificSessionId, :userAgent, :screenWidth, :screenHeight,
                    :timeZone, :language, 'started', now() + make_interval(mins => :timeoutMinutes),
                    (SELECT state = 'pilot' FROM study WHERE id = :study))
            RETURNING id, session_status(state, expires_at) AS status, expires_at
            """;

    /** Serialises the starts of one participant of one study, until the transaction ends. */
    private static final String LOCK_PARTICIPANT =
            "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:study || ':' || :source || ':'"
                    + " || :externalId, 0))";

    /**
     * Serialises the starts of a capped study until the transaction ends, so two starts cannot both
     * take its last place (taken after the participant's own lock, never before it).
     */
    private static final String LOCK_CAP =
            "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('cap:' || :study, 0))";

    /** The participants a cap counts: completed or still running sessions, pilots left out. */
    private static final String TAKING_PART =
            "SELECT count(*) FROM participant_session WHERE study_id = :study AND NOT pilot"
                    + " AND NOT session_expired(state, expires_at)";

    private static final String PARTICIPATED =
            "SELECT EXISTS (SELECT 1 FROM participant_session WHERE study_id = :study"
                    + " AND source = :source AND external_id = :externalId)";

    private static final String CONSENT =
            "UPDATE participant_session SET consented_at = now(), state = 'consented',"
                    + " consent_sha256 = :consent"
                    + " WHERE id = :session AND consented_at IS NULL RETURNING consented_at";

    private static final String PROGRESS =
            "SELECT (SELECT count(*) FROM response WHERE session_id = :session) AS answered,"
                    + " (SELECT count(*) FROM assignment WHERE session_id = :session) AS total";

    private static final String COMPLETE =
            "UPDATE participant_session SET state = 'completed', completed_at = now(),"
                    + " completion_code = :code WHERE id = :session";

    private static final RowMapper<SessionRow> ROW =
            (row, context) ->
                    new SessionRow(
                            row.getLong("id"),
                            row.getLong("study_id"),
                            row.getString("study_state"),
                            SessionStatus.of(row.getString("status")),
                            row.getString("source"),
                            row.getString("external_id"),
                            row.getObject("consented_at", OffsetDateTime.class),
                            row.getObject("expires_at", OffsetDateTime.class),
                            row.getString("completion_code"),
                            row.getString("assignment_id"),
                            row.getString("turk_submit_to"));

    @Inject Jdbi jdbi;

    /** The session whose token hashes to {@code tokenHash}; {@code lock} serialises writes. */
    public Optional<SessionRow> find(String tokenHash, boolean lock) {
        String sql = lock ? FIND + " FOR UPDATE OF s" : FIND;
        return jdbi.withHandle(
                handle -> handle.createQuery(sql).bind("hash", tokenHash).map(ROW).findOne());
    }

    /**
     * The session this MTurk assignment or Prolific session already has in {@code studyId}, locked;
     * callers hold {@link #lockParticipant} so that two starts cannot both miss it.
     */
    public Optional<SessionRow> findByIdentity(long studyId, Arrival arrival) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(FIND_BY_IDENTITY)
                                .bind("study", studyId)
                                .bind("source", arrival.source())
                                .bind("externalId", arrival.externalId())
                                .bind("assignmentId", arrival.assignmentId())
                                .bind("hitId", arrival.hitId())
                                .bind("prolificStudyId", arrival.prolificStudyId())
                                .bind("prolificSessionId", arrival.prolificSessionId())
                                .map(ROW)
                                .findOne());
    }

    /** Another token for an existing session (a continuation from another browser). */
    public void addToken(long sessionId, String tokenHash) {
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(ADD_TOKEN)
                                .bind("hash", tokenHash)
                                .bind("session", sessionId)
                                .execute());
    }

    /**
     * Until the transaction ends, other starts of the same participant of the same study wait here,
     * so two simultaneous starts cannot both find no earlier session.
     */
    public void lockParticipant(long studyId, Arrival arrival) {
        jdbi.useHandle(
                handle ->
                        handle.createQuery(LOCK_PARTICIPANT)
                                .bind("study", Long.toString(studyId))
                                .bind("source", arrival.source())
                                .bind("externalId", arrival.externalId())
                                .mapTo(Integer.class)
                                .one());
    }

    /**
     * How many take part in {@code studyId} (completed or running, not pilot), counted under a lock
     * that holds off other starts of the study until this transaction ends.
     */
    public long takingPartLocked(long studyId) {
        return jdbi.withHandle(
                handle -> {
                    handle.createQuery(LOCK_CAP)
                            .bind("study", Long.toString(studyId))
                            .mapTo(Integer.class)
                            .one();
                    return handle.createQuery(TAKING_PART)
                            .bind("study", studyId)
                            .mapTo(Long.class)
                            .one();
                });
    }

    /** Whether this participant already took part (under {@link #lockParticipant}). */
    public boolean participated(long studyId, String source, String externalId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(PARTICIPATED)
                                .bind("study", studyId)
                                .bind("source", source)
                                .bind("externalId", externalId)
                                .mapTo(Boolean.class)
                                .one());
    }

    /** Inserts a new started session that times out after {@code timeoutMinutes}. */
    public SessionRow insert(
            long studyId,
            int timeoutMinutes,
            String tokenHash,
            Arrival arrival,
            ClientInfo client) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(INSERT)
                                .bind("study", studyId)
                                .bind("hash", tokenHash)
                                .bind("source", arrival.source())
                                .bind("externalId", arrival.externalId())
                                .bind("assignmentId", arrival.assignmentId())
                                .bind("hitId", arrival.hitId())
                                .bind("turkSubmitTo", arrival.turkSubmitTo())
                                .bind("prolificStudyId", arrival.prolificStudyId())
                                .bind("prolificSessionId", arrival.prolificSessionId())
                                .bind("userAgent", client == null ? null : client.userAgent())
                                .bind("screenWidth", client == null ? null : client.screenWidth())
                                .bind("screenHeight", client == null ? null : client.screenHeight())
                                .bind("timeZone", client == null ? null : client.timeZone())
                                .bind("language", client == null ? null : client.language())
                                .bind("timeoutMinutes", timeoutMinutes)
                                .map(
                                        (row, context) ->
                                                new SessionRow(
                                                        row.getLong("id"),
                                                        studyId,
                                                        "open",
                                                        SessionStatus.of(row.getString("status")),
                                                        arrival.source(),
                                                        arrival.externalId(),
                                                        null,
                                                        row.getObject(
                                                                "expires_at", OffsetDateTime.class),
                                                        null,
                                                        arrival.assignmentId(),
                                                        arrival.turkSubmitTo()))
                                .one());
    }

    /**
     * Records consent once, with the version (SHA-256) of the text consented to; returns the
     * session as it is now.
     */
    public SessionRow consent(SessionRow session, String consentSha256) {
        if (session.consentedAt() != null) {
            return session;
        }
        OffsetDateTime at =
                jdbi.withHandle(
                        handle ->
                                handle.createQuery(CONSENT)
                                        .bind("session", session.id())
                                        .bind("consent", consentSha256)
                                        .map(
                                                (row, context) ->
                                                        row.getObject(1, OffsetDateTime.class))
                                        .one());
        return session.withConsent(at);
    }

    /** How many of a session's trials are answered, of how many. */
    public record Answered(long answered, long total) {}

    public Answered answered(long sessionId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(PROGRESS)
                                .bind("session", sessionId)
                                .map(
                                        (row, context) ->
                                                new Answered(
                                                        row.getLong("answered"),
                                                        row.getLong("total")))
                                .one());
    }

    /** Marks the session completed with {@code code}; returns it as it is now. */
    public SessionRow complete(SessionRow session, String code) {
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(COMPLETE)
                                .bind("code", code)
                                .bind("session", session.id())
                                .execute());
        return session.withCompletion(code);
    }
}
