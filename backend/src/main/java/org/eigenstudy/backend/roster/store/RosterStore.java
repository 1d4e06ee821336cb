package org.eigenstudy.backend.roster.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.eigenstudy.backend.roster.service.Payee;
import org.eigenstudy.backend.roster.service.RosterEntry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** A study's sessions for its researchers, and their exclusions. */
@ApplicationScoped
public class RosterStore {

    private static final String ENTRIES =
            "SELECT s.id, s.source, s.external_id, s.pilot,"
                    + " session_status(s.state, s.expires_at) AS state, s.created_at,"
                    + " s.completed_at, s.excluded_at, s.exclusion_reason, s.excluded_by,"
                    + " (SELECT count(*) FROM assignment x WHERE x.session_id = s.id) AS trials,"
                    + " (SELECT count(*) FROM response x WHERE x.session_id = s.id) AS answered,"
                    + " catch_trials_failed(s.id) AS catch_failed,"
                    + " catch_rule_excludes(s.id, st.design) AS catch_excluded"
                    + " FROM participant_session s JOIN study st ON st.id = s.study_id"
                    + " WHERE s.study_id = :study";

    private static final String LIST = ENTRIES + " ORDER BY s.id";

    private static final String ONE = ENTRIES + " AND s.id = :session";

    /**
     * The finished sessions of one platform whose ids are still there (pseudonymised ones cannot be
     * paid from here any more), with why each is rejected, if it is.
     */
    private static final String PAYEES =
            """
            SELECT s.source, s.external_id, s.assignment_id, s.hit_id,
                   CASE WHEN s.excluded_at IS NOT NULL THEN s.exclusion_reason
                        WHEN catch_rule_excludes(s.id, st.design)
                        THEN 'failed ' || catch_trials_failed(s.id) || ' of the attention checks'
                   END AS rejection
            FROM participant_session s JOIN study st ON st.id = s.study_id
            WHERE s.study_id = :study AND s.source = :source AND s.state = 'completed'
              AND s.pseudonymised_at IS NULL AND s.external_id IS NOT NULL
            ORDER BY s.id
            """;

    private static final RowMapper<RosterEntry> ENTRY =
            (row, context) -> {
                OffsetDateTime started = row.getObject("created_at", OffsetDateTime.class);
                OffsetDateTime finished = row.getObject("completed_at", OffsetDateTime.class);
                OffsetDateTime excludedAt = row.getObject("excluded_at", OffsetDateTime.class);
                return new RosterEntry(
                        row.getLong("id"),
                        row.getString("source"),
                        row.getString("external_id"),
                        row.getBoolean("pilot"),
                        row.getString("state"),
                        started,
                        finished,
                        finished == null
                                ? null
                                : finished.toEpochSecond() - started.toEpochSecond(),
                        row.getInt("trials"),
                        row.getInt("answered"),
                        row.getInt("catch_failed"),
                        row.getBoolean("catch_excluded"),
                        excludedAt == null
                                ? null
                                : new RosterEntry.Exclusion(
                                        row.getString("exclusion_reason"),
                                        excludedAt,
                                        row.getString("excluded_by")));
            };

    @Inject Jdbi jdbi;

    public List<RosterEntry> list(long studyId) {
        return jdbi.withHandle(h -> h.createQuery(LIST).bind("study", studyId).map(ENTRY).list());
    }

    /** Session {@code sessionId} of {@code studyId}, if the study has it. */
    public java.util.Optional<RosterEntry> entry(long studyId, long sessionId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(ONE)
                                .bind("study", studyId)
                                .bind("session", sessionId)
                                .map(ENTRY)
                                .findOne());
    }

    public List<Payee> payees(long studyId, String source) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(PAYEES)
                                .bind("study", studyId)
                                .bind("source", source)
                                .map(
                                        (row, ctx) ->
                                                new Payee(
                                                        row.getString("source"),
                                                        row.getString("external_id"),
                                                        row.getString("assignment_id"),
                                                        row.getString("hit_id"),
                                                        row.getString("rejection")))
                                .list());
    }

    /**
     * Excludes session {@code sessionId} of {@code studyId} (a second exclusion replaces the
     * reason); false when the study has no such session.
     */
    public boolean exclude(long studyId, long sessionId, String reason, String by) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE participant_session SET excluded_at = now(),"
                                                        + " exclusion_reason = :reason,"
                                                        + " excluded_by = :by"
                                                        + " WHERE id = :session AND study_id = :study")
                                        .bind("reason", reason)
                                        .bind("by", by)
                                        .bind("session", sessionId)
                                        .bind("study", studyId)
                                        .execute())
                > 0;
    }

    /** Takes the researcher's exclusion back; false when the study has no such session. */
    public boolean include(long studyId, long sessionId) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE participant_session SET excluded_at = NULL,"
                                                        + " exclusion_reason = NULL, excluded_by = NULL"
                                                        + " WHERE id = :session AND study_id = :study")
                                        .bind("session", sessionId)
                                        .bind("study", studyId)
                                        .execute())
                > 0;
    }
}
