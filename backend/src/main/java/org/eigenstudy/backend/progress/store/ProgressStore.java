package org.eigenstudy.backend.progress.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eigenstudy.backend.progress.service.Progress;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.jdbi.v3.core.Jdbi;

/**
 * The counts behind a study's live progress: sessions by status (V7__session_status.sql's
 * functions), responses, fill per condition, all without pilot sessions, which are counted apart.
 */
@ApplicationScoped
public class ProgressStore {

    private static final String SESSIONS =
            """
            SELECT count(*) AS started,
                   count(*) FILTER (WHERE consented_at IS NOT NULL) AS consented,
                   count(*) FILTER (WHERE session_status(state, expires_at) = 'completed')
                       AS completed,
                   count(*) FILTER (WHERE session_expired(state, expires_at)) AS abandoned,
                   count(*) FILTER (WHERE session_active(state, expires_at)) AS in_progress,
                   (SELECT count(*) FROM response r JOIN participant_session x ON x.id = r.session_id
                     WHERE x.study_id = :study AND NOT x.pilot) AS responses,
                   (SELECT count(*) FROM response r JOIN participant_session x ON x.id = r.session_id
                     WHERE x.study_id = :study AND NOT x.pilot AND r.catch_passed = FALSE)
                       AS catch_failed,
                   (SELECT count(*) FROM participant_session p WHERE p.study_id = :study AND p.pilot)
                       AS pilot
            FROM participant_session WHERE study_id = :study AND NOT pilot
            """;

    private static final String CONDITIONS =
            """
            SELECT m.model_key, a.axis_class, a.axis_key, a.rank,
                   count(s.id) AS assigned, count(r.id) AS responses
            FROM trial t
            JOIN axis a ON a.id = t.axis_id
            JOIN study_model m ON m.id = a.model_id
            LEFT JOIN (assignment asg JOIN participant_session ps
                       ON ps.id = asg.session_id AND NOT ps.pilot)
                 ON asg.trial_id = t.id
            LEFT JOIN participant_session s ON s.id = asg.session_id
                 AND NOT session_expired(s.state, s.expires_at)
            LEFT JOIN response r ON r.assignment_id = asg.id
            WHERE t.study_id = :study AND NOT t.is_catch
            GROUP BY m.model_key, a.axis_class, a.axis_key, a.rank
            ORDER BY m.model_key, array_position(:classes::text[], a.axis_class), a.rank
            """;

    /** The axis classes in study-config's order, for {@code array_position} in ORDER BY. */
    private static final String[] CLASS_ORDER =
            ConfigEnum.names(AxisClass.class).toArray(String[]::new);

    @Inject Jdbi jdbi;

    public Progress progress(long studyId) {
        return jdbi.withHandle(
                handle -> {
                    List<Progress.Condition> conditions =
                            handle.createQuery(CONDITIONS)
                                    .bind("study", studyId)
                                    .bind("classes", CLASS_ORDER)
                                    .map(
                                            (row, context) ->
                                                    new Progress.Condition(
                                                            row.getString("model_key"),
                                                            row.getString("axis_class"),
                                                            row.getString("axis_key"),
                                                            row.getInt("rank"),
                                                            row.getLong("assigned"),
                                                            row.getLong("responses")))
                                    .list();
                    return handle.createQuery(SESSIONS)
                            .bind("study", studyId)
                            .map(
                                    (row, context) ->
                                            new Progress(
                                                    row.getLong("started"),
                                                    row.getLong("consented"),
                                                    row.getLong("completed"),
                                                    row.getLong("abandoned"),
                                                    row.getLong("in_progress"),
                                                    row.getLong("responses"),
                                                    row.getLong("catch_failed"),
                                                    row.getLong("pilot"),
                                                    conditions))
                            .one();
                });
    }
}
