package org.eigenstudy.backend.response;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.participant.SessionService;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * Records answers exactly once, in as few statements as the rules allow: a well-formed answer to an
 * active session is one statement that finds the session by its token's hash, inserts the answer
 * and reads the answered positions. Anything else (a retry, an error) takes the careful path: find
 * the session, then decide. The unique keys decide races: a retry racing its original inserts
 * nothing and finds the original, so both get the same result. Plain JDBC in auto-commit: each
 * statement is its own transaction, and no entity graph is loaded.
 */
@ApplicationScoped
public class ResponseService {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private static final String SESSION =
            """
            SELECT s.id, s.state = 'completed', s.consented_at IS NOT NULL, s.expires_at <= now(),
                   (SELECT count(*) FROM assignment a WHERE a.session_id = s.id)
            FROM participant_session s WHERE s.id = session_of_token(?)
            """;

    /** The positions answered before this insert (a statement does not see its own CTE's rows). */
    private static final String INSERT =
            """
            WITH inserted AS (
                INSERT INTO response (session_id, assignment_id, client_response_id, body_sha256,
                    change_seen, magnitude, description, shared_count, consistency, difficulty,
                    response_time_ms, trial_started_at, client_timestamp, catch_passed, received_at)
                SELECT a.session_id, a.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                       CASE WHEN t.is_catch THEN NOT ? END, date_trunc('microseconds', now())
                FROM assignment a JOIN trial t ON t.id = a.trial_id
                WHERE a.session_id = ? AND a.position = ?
                ON CONFLICT DO NOTHING
                RETURNING received_at)
            SELECT (SELECT received_at FROM inserted),
                   ARRAY(SELECT a.position FROM response r JOIN assignment a ON a.id = r.assignment_id
                         WHERE r.session_id = ?)
            """;

    /**
     * The one-statement path: inserts only into a consented, unfinished, unexpired session. Returns
     * no row for an unknown token; otherwise the session's trial count, the insert's time (null if
     * nothing was inserted) and the positions answered before it.
     */
    private static final String INSERT_BY_TOKEN =
            """
            WITH s AS (
                SELECT ps.id, ps.state <> 'completed' AND ps.consented_at IS NOT NULL
                              AND ps.expires_at > now() AS active,
                       (SELECT count(*) FROM assignment a WHERE a.session_id = ps.id) AS total
                FROM participant_session ps WHERE ps.id = session_of_token(?)),
            inserted AS (
                INSERT INTO response (session_id, assignment_id, client_response_id, body_sha256,
                    change_seen, magnitude, description, shared_count, consistency, difficulty,
                    response_time_ms, trial_started_at, client_timestamp, catch_passed, received_at)
                SELECT a.session_id, a.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                       CASE WHEN t.is_catch THEN NOT ? END, date_trunc('microseconds', now())
                FROM s JOIN assignment a ON a.session_id = s.id AND a.position = ?
                JOIN trial t ON t.id = a.trial_id
                WHERE s.active
                ON CONFLICT DO NOTHING
                RETURNING received_at)
            SELECT s.total, (SELECT received_at FROM inserted),
                   ARRAY(SELECT a.position FROM response r JOIN assignment a ON a.id = r.assignment_id
                         WHERE r.session_id = s.id)
            FROM s
            """;

    private static final String BY_CLIENT_ID =
            """
            SELECT r.body_sha256, r.received_at,
                   ARRAY(SELECT a.position FROM response o JOIN assignment a ON a.id = o.assignment_id
                         WHERE o.session_id = r.session_id)
            FROM response r WHERE r.session_id = ? AND r.client_response_id = ?
            """;

    @Inject AgroalDataSource dataSource;

    /** The stored answer and whether this call created it. */
    public record Saved(ResponseResult result, boolean created) {}

    private record Session(
            long id, boolean completed, boolean consented, boolean expired, int total) {}

    private record Stored(String fingerprint, Instant receivedAt, List<Integer> answered) {}

    public Saved save(String token, String clientResponseId, ResponseRequest request) {
        try (Connection connection = dataSource.getConnection()) {
            return save(connection, token, clientResponseId, request);
        } catch (SQLException e) {
            throw new IllegalStateException("storing a response failed", e);
        }
    }

    private Saved save(
            Connection connection, String token, String clientResponseId, ResponseRequest request)
            throws SQLException {
        ValidResponse wellFormed = wellFormed(token, clientResponseId, request);
        if (wellFormed != null) {
            Saved saved = insertByToken(connection, token, clientResponseId, wellFormed);
            if (saved != null) {
                return saved;
            }
        }
        return saveCarefully(connection, token, clientResponseId, request);
    }

    /**
     * The answer if everything that can be checked without the session holds (its trial index is
     * checked against the session's trials by the insert); null sends it the careful way, which
     * reports problems in the API's order (unknown session first).
     */
    private static ValidResponse wellFormed(
            String token, String clientResponseId, ResponseRequest request) {
        if (token == null
                || token.length() != 43
                || clientResponseId == null
                || !CLIENT_ID.matcher(clientResponseId).matches()) {
            return null;
        }
        try {
            return ValidResponse.of(request, Integer.MAX_VALUE);
        } catch (DomainException invalid) {
            return null;
        }
    }

    /** The answer stored in one statement, or null if that did not store it. */
    private static Saved insertByToken(
            Connection connection, String token, String clientResponseId, ValidResponse answer)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BY_TOKEN)) {
            insert.setString(1, Sha256.of(token));
            bindAnswer(insert, 2, clientResponseId, answer);
            insert.setInt(14, answer.trialIndex());
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Timestamp receivedAt = row.getTimestamp(2);
                if (receivedAt == null) {
                    return null;
                }
                return created(
                        clientResponseId, answer, receivedAt, row.getArray(3), row.getInt(1));
            }
        }
    }

    private Saved saveCarefully(
            Connection connection, String token, String clientResponseId, ResponseRequest request)
            throws SQLException {
        Session session = session(connection, token);
        if (clientResponseId == null || !CLIENT_ID.matcher(clientResponseId).matches()) {
            throw DomainException.invalid(
                    "clientResponseId must be 8-64 characters of A-Z a-z 0-9 _ -",
                    "clientResponseId",
                    "format");
        }
        if (session.completed() || session.expired() || !session.consented()) {
            // Perhaps a retry of an answer stored before the session ended.
            Stored existing = byClientId(connection, session.id(), clientResponseId);
            if (existing != null) {
                return retry(existing, request, clientResponseId, session.total());
            }
            SessionService.requireActive(session.completed(), session.expired());
            throw DomainException.conflict("consent first", "consent-required");
        }
        ValidResponse answer = ValidResponse.of(request, session.total());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, session.id(), clientResponseId, answer);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                Timestamp receivedAt = row.getTimestamp(1);
                if (receivedAt != null) {
                    return created(
                            clientResponseId, answer, receivedAt, row.getArray(2), session.total());
                }
            }
        }
        Stored existing = byClientId(connection, session.id(), clientResponseId);
        if (existing != null) {
            return retry(existing, request, clientResponseId, session.total());
        }
        throw DomainException.conflict(
                "trial " + answer.trialIndex() + " is already answered", "already-answered");
    }

    private static Session session(Connection connection, String token) throws SQLException {
        if (token == null || token.length() != 43) {
            throw DomainException.notFound("session");
        }
        try (PreparedStatement query = connection.prepareStatement(SESSION)) {
            query.setString(1, Sha256.of(token));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw DomainException.notFound("session");
                }
                return new Session(
                        row.getLong(1),
                        row.getBoolean(2),
                        row.getBoolean(3),
                        row.getBoolean(4),
                        row.getInt(5));
            }
        }
    }

    private static void bind(
            PreparedStatement insert, long sessionId, String clientResponseId, ValidResponse a)
            throws SQLException {
        bindAnswer(insert, 1, clientResponseId, a);
        insert.setLong(13, sessionId);
        insert.setInt(14, a.trialIndex());
        insert.setLong(15, sessionId);
    }

    /** The answer's 12 values, from parameter {@code first} on. */
    private static void bindAnswer(
            PreparedStatement insert, int first, String clientResponseId, ValidResponse a)
            throws SQLException {
        int i = first;
        insert.setString(i++, clientResponseId);
        insert.setString(i++, a.fingerprint());
        insert.setBoolean(i++, a.changeSeen());
        insert.setObject(i++, a.magnitude(), Types.INTEGER);
        insert.setString(i++, a.description());
        insert.setObject(i++, a.sharedCount(), Types.INTEGER);
        insert.setObject(i++, a.consistency(), Types.INTEGER);
        insert.setInt(i++, a.difficulty());
        insert.setInt(i++, a.responseTimeMs());
        insert.setObject(i++, a.trialStartedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(i++, a.clientTimestamp(), Types.TIMESTAMP_WITH_TIMEZONE);
        // Catch trials show no change, so "no change" is the right answer.
        insert.setBoolean(i, a.changeSeen());
    }

    private static Stored byClientId(Connection connection, long sessionId, String clientId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_CLIENT_ID)) {
            query.setLong(1, sessionId);
            query.setString(2, clientId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Stored(
                        row.getString(1),
                        row.getTimestamp(2).toInstant(),
                        positions(row.getArray(3)));
            }
        }
    }

    /** A retry stores nothing and answers what the original got, if it is the same answer. */
    private static Saved retry(
            Stored existing, ResponseRequest request, String clientResponseId, int total) {
        ValidResponse retry = ValidResponse.of(request, total);
        if (!existing.fingerprint().equals(retry.fingerprint())) {
            throw DomainException.conflict(
                    "response id " + clientResponseId + " was already used for a different answer",
                    "idempotency-conflict");
        }
        return new Saved(
                result(
                        clientResponseId,
                        retry.trialIndex(),
                        existing.receivedAt(),
                        existing.answered(),
                        total),
                false);
    }

    /** The reply to a newly stored answer: the positions answered before it, plus its own. */
    private static Saved created(
            String clientResponseId,
            ValidResponse answer,
            Timestamp receivedAt,
            Array answeredBefore,
            int total)
            throws SQLException {
        List<Integer> answered = positions(answeredBefore);
        answered.add(answer.trialIndex());
        return new Saved(
                result(
                        clientResponseId,
                        answer.trialIndex(),
                        receivedAt.toInstant(),
                        answered,
                        total),
                true);
    }

    private static List<Integer> positions(Array array) throws SQLException {
        List<Integer> positions = new ArrayList<>();
        for (Integer position : (Integer[]) array.getArray()) {
            positions.add(position);
        }
        array.free();
        return positions;
    }

    private static ResponseResult result(
            String clientResponseId,
            int trialIndex,
            Instant receivedAt,
            List<Integer> answered,
            int total) {
        int next = 0;
        while (next < total && answered.contains(next)) {
            next++;
        }
        return new ResponseResult(
                clientResponseId, trialIndex, receivedAt, answered.size(), next, total);
    }
}
