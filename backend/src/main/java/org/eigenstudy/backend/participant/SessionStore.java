package org.eigenstudy.backend.participant;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The participant session rows, in plain JDBC: these statements run on every start, consent, resume
 * and finish, where loading entities cost more CPU than the database work. {@link #run} gives each
 * piece of work one connection and one transaction.
 */
@ApplicationScoped
public class SessionStore {

    private static final String COLUMNS =
            """
            SELECT s.id, s.study_id, st.state, s.state, s.source, s.external_id, s.consented_at,
                   s.expires_at, s.completion_code, s.assignment_id, s.turk_submit_to
            FROM participant_session s JOIN study st ON st.id = s.study_id
            """;

    /** By any of the session's tokens (Flyway V6: the first one or one issued to continue). */
    private static final String FIND = COLUMNS + "WHERE s.id = session_of_token(?)";

    /**
     * The newest session of one MTurk assignment (worker, HIT and assignment) or one Prolific
     * session (participant, study and session); {@code IS NOT DISTINCT FROM} because the ids of the
     * other platform are NULL.
     */
    private static final String FIND_BY_IDENTITY =
            COLUMNS
                    + """
                    WHERE s.study_id = ? AND s.source = ? AND s.external_id = ?
                      AND s.assignment_id IS NOT DISTINCT FROM ? AND s.hit_id IS NOT DISTINCT FROM ?
                      AND s.prolific_study_id IS NOT DISTINCT FROM ?
                      AND s.prolific_session_id IS NOT DISTINCT FROM ?
                    ORDER BY s.id DESC LIMIT 1 FOR UPDATE OF s
                    """;

    private static final String ADD_TOKEN =
            "INSERT INTO session_token (token_sha256, session_id) VALUES (?, ?)";

    private static final String INSERT =
            """
            INSERT INTO participant_session (study_id, token_sha256, source, external_id,
                assignment_id, hit_id, turk_submit_to, prolific_study_id, prolific_session_id,
                user_agent, screen_width, screen_height, time_zone, language, state, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'started',
                    now() + make_interval(mins => ?))
            RETURNING id, created_at, expires_at
            """;

    /** Serialises the starts of one participant of one study, until the transaction ends. */
    private static final String LOCK_PARTICIPANT =
            "SELECT pg_advisory_xact_lock(hashtextextended(? || ':' || ? || ':' || ?, 0))";

    private static final String PARTICIPATED =
            "SELECT 1 FROM participant_session WHERE study_id = ? AND source = ? AND external_id = ?"
                    + " LIMIT 1";

    private static final String CONSENT =
            "UPDATE participant_session SET consented_at = now(), state = 'consented'"
                    + " WHERE id = ? AND consented_at IS NULL RETURNING consented_at";

    private static final String PROGRESS =
            "SELECT (SELECT count(*) FROM response WHERE session_id = ?),"
                    + " (SELECT count(*) FROM assignment WHERE session_id = ?)";

    private static final String COMPLETE =
            "UPDATE participant_session SET state = 'completed', completed_at = now(),"
                    + " completion_code = ? WHERE id = ?";

    @Inject AgroalDataSource dataSource;

    /** Work on one connection in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("participant session storage failed", e);
        }
    }

    /** The session whose token hashes to {@code tokenHash}; {@code lock} serialises writes. */
    Optional<SessionRow> find(Connection connection, String tokenHash, boolean lock)
            throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(lock ? FIND + " FOR UPDATE OF s" : FIND)) {
            query.setString(1, tokenHash);
            return read(query);
        }
    }

    /**
     * The session this MTurk assignment or Prolific session already has in {@code studyId}, locked;
     * callers hold {@link #lockParticipant} so that two starts cannot both miss it.
     */
    Optional<SessionRow> findByIdentity(Connection connection, long studyId, Arrival arrival)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FIND_BY_IDENTITY)) {
            query.setLong(1, studyId);
            query.setString(2, arrival.source());
            query.setString(3, arrival.externalId());
            query.setString(4, arrival.assignmentId());
            query.setString(5, arrival.hitId());
            query.setString(6, arrival.prolificStudyId());
            query.setString(7, arrival.prolificSessionId());
            return read(query);
        }
    }

    /** Another token for an existing session (a continuation from another browser). */
    void addToken(Connection connection, long sessionId, String tokenHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ADD_TOKEN)) {
            insert.setString(1, tokenHash);
            insert.setLong(2, sessionId);
            insert.executeUpdate();
        }
    }

    private static Optional<SessionRow> read(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(
                    new SessionRow(
                            row.getLong(1),
                            row.getLong(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getObject(7, OffsetDateTime.class),
                            row.getObject(8, OffsetDateTime.class),
                            row.getString(9),
                            row.getString(10),
                            row.getString(11)));
        }
    }

    /**
     * Until the transaction ends, other starts of the same participant of the same study wait here,
     * so two simultaneous starts cannot both find no earlier session.
     */
    void lockParticipant(Connection connection, long studyId, Arrival arrival) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_PARTICIPANT)) {
            lock.setString(1, Long.toString(studyId));
            lock.setString(2, arrival.source());
            lock.setString(3, arrival.externalId());
            lock.executeQuery().close();
        }
    }

    /** Whether this participant already took part (under {@link #lockParticipant}). */
    boolean participated(Connection connection, long studyId, Arrival arrival) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PARTICIPATED)) {
            query.setLong(1, studyId);
            query.setString(2, arrival.source());
            query.setString(3, arrival.externalId());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Inserts a new started session. */
    SessionRow insert(
            Connection connection,
            StudyFacts study,
            String tokenHash,
            Arrival arrival,
            StartSessionRequest.ClientInfo client)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, study.id());
            insert.setString(2, tokenHash);
            insert.setString(3, arrival.source());
            insert.setString(4, arrival.externalId());
            insert.setString(5, arrival.assignmentId());
            insert.setString(6, arrival.hitId());
            insert.setString(7, arrival.turkSubmitTo());
            insert.setString(8, arrival.prolificStudyId());
            insert.setString(9, arrival.prolificSessionId());
            insert.setString(10, client == null ? null : client.userAgent());
            insert.setObject(11, client == null ? null : client.screenWidth(), Types.INTEGER);
            insert.setObject(12, client == null ? null : client.screenHeight(), Types.INTEGER);
            insert.setString(13, client == null ? null : client.timeZone());
            insert.setString(14, client == null ? null : client.language());
            insert.setInt(15, study.design().sessionTimeoutMinutes());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new SessionRow(
                        row.getLong(1),
                        study.id(),
                        "open",
                        "started",
                        arrival.source(),
                        arrival.externalId(),
                        null,
                        row.getObject(3, OffsetDateTime.class),
                        null,
                        arrival.assignmentId(),
                        arrival.turkSubmitTo());
            }
        }
    }

    /** Records consent once; returns the session as it is now. */
    SessionRow consent(Connection connection, SessionRow session) throws SQLException {
        if (session.consentedAt() != null) {
            return session;
        }
        try (PreparedStatement update = connection.prepareStatement(CONSENT)) {
            update.setLong(1, session.id());
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return session.withConsent(row.getObject(1, OffsetDateTime.class));
            }
        }
    }

    /** {answered, total} trials of a session. */
    long[] progress(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PROGRESS)) {
            query.setLong(1, sessionId);
            query.setLong(2, sessionId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    /** Marks the session completed with {@code code}; returns it as it is now. */
    SessionRow complete(Connection connection, SessionRow session, String code)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
            update.setString(1, code);
            update.setLong(2, session.id());
            update.executeUpdate();
        }
        return session.withCompletion(code);
    }
}
