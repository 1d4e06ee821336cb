package org.eigenstudy.backend.privacy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.privacy.service.Deletion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Deleting participant sessions, the deletion log and the retention's pseudonyms. */
@ApplicationScoped
public class PrivacyStore {

    /**
     * Gives back the trial cells a deleted session still fills (it finished, or has not timed out
     * and been released yet), on the session's own shard, as a release by a start does (V4).
     */
    private static final String UNFILL =
            """
            INSERT INTO trial_fill (trial_id, shard, filled)
            SELECT asg.trial_id, (s.id % 16)::smallint, -count(*)
            FROM assignment asg JOIN participant_session s ON s.id = asg.session_id
            WHERE s.id = ANY(:ids) AND NOT s.fill_released
            GROUP BY asg.trial_id, s.id % 16
            ORDER BY 1, 2
            ON CONFLICT (trial_id, shard) DO UPDATE SET filled = trial_fill.filled + excluded.filled
            """;

    private static final String DUE =
            """
            SELECT s.id, s.source, s.external_id, st.secret_key
            FROM participant_session s JOIN study st ON st.id = s.study_id
            WHERE st.retention_days > 0 AND s.pseudonymised_at IS NULL
              AND s.external_id IS NOT NULL
              AND CASE WHEN s.state = 'completed' THEN s.completed_at ELSE s.expires_at END
                  + make_interval(days => st.retention_days) <= now()
            ORDER BY s.id LIMIT :limit
            """;

    private static final String PSEUDONYMISE =
            """
            UPDATE participant_session
            SET external_id = :pseudonym, assignment_id = NULL, hit_id = NULL,
                prolific_session_id = NULL, turk_submit_to = NULL, user_agent = NULL,
                pseudonymised_at = now()
            WHERE id = :id AND pseudonymised_at IS NULL
            """;

    @Inject Jdbi jdbi;

    /** The key of the study session {@code sessionId} belongs to. */
    public Optional<String> keyOfSession(long sessionId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT st.secret_key FROM participant_session s"
                                                + " JOIN study st ON st.id = s.study_id"
                                                + " WHERE s.id = :id")
                                .bind("id", sessionId)
                                .mapTo(String.class)
                                .findOne());
    }

    public Optional<Long> studyOfSession(long sessionId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT study_id FROM participant_session WHERE id = :id")
                                .bind("id", sessionId)
                                .mapTo(Long.class)
                                .findOne());
    }

    /** Every session of {@code studyId} with this platform id (from any platform). */
    public List<Long> sessionsOf(long studyId, String externalId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT id FROM participant_session WHERE study_id = :study"
                                                + " AND external_id = :external ORDER BY id")
                                .bind("study", studyId)
                                .bind("external", externalId)
                                .mapTo(Long.class)
                                .list());
    }

    /**
     * Deletes sessions {@code ids} of {@code studyId} with their tokens, assignments and answers,
     * gives back the trial cells they filled and logs it, in one transaction.
     */
    public Deletion delete(long studyId, List<Long> ids, String actor, String matchedBy) {
        return jdbi.inTransaction(
                h -> {
                    Long[] array = ids.toArray(Long[]::new);
                    // Locked first, so a start releasing timed-out sessions skips these.
                    h.createQuery(
                                    "SELECT id FROM participant_session WHERE id = ANY(:ids)"
                                            + " AND study_id = :study ORDER BY id FOR UPDATE")
                            .bind("ids", array)
                            .bind("study", studyId)
                            .mapTo(Long.class)
                            .list();
                    int responses =
                            h.createQuery(
                                            "SELECT count(*) FROM response r"
                                                    + " JOIN participant_session s"
                                                    + " ON s.id = r.session_id"
                                                    + " WHERE s.id = ANY(:ids)"
                                                    + " AND s.study_id = :study")
                                    .bind("ids", array)
                                    .bind("study", studyId)
                                    .mapTo(Integer.class)
                                    .one();
                    h.createUpdate(UNFILL).bind("ids", array).execute();
                    int sessions =
                            h.createUpdate(
                                            "DELETE FROM participant_session WHERE id = ANY(:ids)"
                                                    + " AND study_id = :study")
                                    .bind("ids", array)
                                    .bind("study", studyId)
                                    .execute();
                    return log(h, studyId, actor, matchedBy, sessions, responses);
                });
    }

    private static Deletion log(
            Handle h, long studyId, String actor, String matchedBy, int sessions, int responses) {
        OffsetDateTime at =
                h.createQuery(
                                "INSERT INTO data_deletion (study_id, actor, matched_by, sessions,"
                                        + " responses) VALUES (:study, :actor, :matched,"
                                        + " :sessions, :responses) RETURNING deleted_at")
                        .bind("study", studyId)
                        .bind("actor", actor)
                        .bind("matched", matchedBy)
                        .bind("sessions", sessions)
                        .bind("responses", responses)
                        .mapTo(OffsetDateTime.class)
                        .one();
        return new Deletion(at, actor, matchedBy, sessions, responses);
    }

    public List<Deletion> log(long studyId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT deleted_at, actor, matched_by, sessions, responses"
                                                + " FROM data_deletion WHERE study_id = :study"
                                                + " ORDER BY deleted_at DESC, id DESC")
                                .bind("study", studyId)
                                .map(
                                        (r, ctx) ->
                                                new Deletion(
                                                        r.getObject(
                                                                "deleted_at", OffsetDateTime.class),
                                                        r.getString("actor"),
                                                        r.getString("matched_by"),
                                                        r.getInt("sessions"),
                                                        r.getInt("responses")))
                                .list());
    }

    /** A session whose retention period has passed: what its pseudonym is made from. */
    public record Due(long id, String source, String externalId, String studyKey) {}

    public List<Due> due(int limit) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(DUE)
                                .bind("limit", limit)
                                .map(
                                        (r, ctx) ->
                                                new Due(
                                                        r.getLong("id"),
                                                        r.getString("source"),
                                                        r.getString("external_id"),
                                                        r.getString("secret_key")))
                                .list());
    }

    public void pseudonymise(long sessionId, String pseudonym) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(PSEUDONYMISE)
                                .bind("id", sessionId)
                                .bind("pseudonym", pseudonym)
                                .execute());
    }
}
