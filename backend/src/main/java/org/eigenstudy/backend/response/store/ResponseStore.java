package org.eigenstudy.backend.response.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.participant.service.SessionStatus;
import org.eigenstudy.backend.response.service.ValidResponse;
import org.jdbi.v3.core.Jdbi;

/**
 * The response rows. Each method is one statement in auto-commit (the response service runs without
 * a transaction): the unique keys of {@code response}, not locks, decide between a retry and its
 * original.
 */
@ApplicationScoped
public class ResponseStore {

    /**
     * The one INSERT of an answer: only into a session whose status is {@code consented}
     * (V7__session_status.sql: consented, unfinished and in time), at the position the answer
     * names. Returns no row for an unknown token; otherwise the session's trial count, whether it
     * takes answers, the insert's time (null if nothing was inserted: a conflict on the client id
     * or the position, or an inactive session) and the positions answered before it (a statement
     * does not see its own CTE's rows).
     */
    private static final String INSERT =
            """
            WITH s AS (
                SELECT ps.id, session_status(ps.state, ps.expires_at) = 'consented' AS active,
                       (SELECT count(*) FROM assignment a WHERE a.session_id = ps.id) AS total
                FROM participant_session ps WHERE ps.id = session_of_token(:tokenHash)),
            inserted AS (
                INSERT INTO response (session_id, assignment_id, client_response_id, body_sha256,
                    change_seen, magnitude, description, shared_count, consistency, difficulty,
                    response_time_ms, trial_started_at, client_timestamp, catch_passed, received_at)
                SELECT a.session_id, a.id, :clientResponseId, :fingerprint, :changeSeen,
                       :magnitude, :description, :sharedCount, :consistency, :difficulty,
                       :responseTimeMs, :trialStartedAt::timestamptz, :clientTimestamp::timestamptz,
                       CASE WHEN t.is_catch THEN NOT :changeSeen END,
                       date_trunc('microseconds', now())
                FROM s JOIN assignment a ON a.session_id = s.id AND a.position = :trialIndex
                JOIN trial t ON t.id = a.trial_id
                WHERE s.active
                ON CONFLICT DO NOTHING
                RETURNING received_at)
            SELECT s.total, s.active, (SELECT received_at FROM inserted) AS received_at,
                   ARRAY(SELECT a.position FROM response r JOIN assignment a ON a.id = r.assignment_id
                         WHERE r.session_id = s.id) AS answered
            FROM s
            """;

    private static final String SESSION =
            """
            SELECT s.id, session_status(s.state, s.expires_at) AS status,
                   (SELECT count(*) FROM assignment a WHERE a.session_id = s.id) AS total
            FROM participant_session s WHERE s.id = session_of_token(:tokenHash)
            """;

    private static final String BY_CLIENT_ID =
            """
            SELECT r.body_sha256, r.received_at,
                   ARRAY(SELECT a.position FROM response o JOIN assignment a ON a.id = o.assignment_id
                         WHERE o.session_id = r.session_id) AS answered
            FROM response r WHERE r.session_id = :session AND r.client_response_id = :clientId
            """;

    /**
     * What {@link #insert} did: {@code receivedAt} null if it stored nothing; {@code answered} are
     * the positions answered before it.
     */
    public record Inserted(int total, boolean active, Instant receivedAt, List<Integer> answered) {}

    /** A session as the response path needs it. */
    public record Session(long id, SessionStatus status, int total) {}

    /** An answer already stored under a client response id, and the positions now answered. */
    public record Stored(String fingerprint, Instant receivedAt, List<Integer> answered) {}

    @Inject Jdbi jdbi;

    /** Stores {@code answer} in the session of {@code tokenHash}; empty if there is no such one. */
    public Optional<Inserted> insert(
            String tokenHash, String clientResponseId, ValidResponse answer) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(INSERT)
                                .bind("tokenHash", tokenHash)
                                .bind("clientResponseId", clientResponseId)
                                .bind("fingerprint", answer.fingerprint())
                                .bind("changeSeen", answer.changeSeen())
                                .bind("magnitude", answer.magnitude())
                                .bind("description", answer.description())
                                .bind("sharedCount", answer.sharedCount())
                                .bind("consistency", answer.consistency())
                                .bind("difficulty", answer.difficulty())
                                .bind("responseTimeMs", answer.responseTimeMs())
                                .bindByType(
                                        "trialStartedAt",
                                        answer.trialStartedAt(),
                                        OffsetDateTime.class)
                                .bindByType(
                                        "clientTimestamp",
                                        answer.clientTimestamp(),
                                        OffsetDateTime.class)
                                .bind("trialIndex", answer.trialIndex())
                                .map(
                                        (row, context) ->
                                                new Inserted(
                                                        row.getInt("total"),
                                                        row.getBoolean("active"),
                                                        instant(row.getTimestamp("received_at")),
                                                        positions(row.getArray("answered"))))
                                .findOne());
    }

    /** The session of {@code tokenHash}, if any. */
    public Optional<Session> session(String tokenHash) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(SESSION)
                                .bind("tokenHash", tokenHash)
                                .map(
                                        (row, context) ->
                                                new Session(
                                                        row.getLong("id"),
                                                        SessionStatus.of(row.getString("status")),
                                                        row.getInt("total")))
                                .findOne());
    }

    /** The answer stored under {@code clientId} in the session, if any. */
    public Optional<Stored> byClientId(long sessionId, String clientId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(BY_CLIENT_ID)
                                .bind("session", sessionId)
                                .bind("clientId", clientId)
                                .map(
                                        (row, context) ->
                                                new Stored(
                                                        row.getString("body_sha256"),
                                                        instant(row.getTimestamp("received_at")),
                                                        positions(row.getArray("answered"))))
                                .findOne());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<Integer> positions(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        List<Integer> positions = new ArrayList<>(values.length + 1);
        for (Integer position : values) {
            positions.add(position);
        }
        array.free();
        return positions;
    }
}
