package org.eigenstudy.backend.export.store;

/** The SQL behind each export; every query takes the study id as its only parameter. */
final class ExportQueries {

    private ExportQueries() {}

    /** A session's status as participants see it (V7__session_status.sql). */
    static final String SESSION_STATE = "session_status(s.state, s.expires_at)";

    static final String RESPONSES =
            """
            SELECT r.id AS response_id, r.client_response_id, st.slug AS study_slug,
                   st.version AS study_version, s.id AS participant_id, s.source,
                   asg.position AS trial_index, t.id AS trial_id, t.is_catch, r.catch_passed,
                   m.model_key AS model_id, m.space, m.exploration, m.distance,
                   a.axis_key AS axis_id, a.axis_class, a.rank, a.eigenvalue, a.alpha,
                   (SELECT string_agg(x.reference_index::text, ';' ORDER BY x.reference_index)
                      FROM strip x WHERE x.axis_id = a.id) AS "references",
                   r.change_seen, r.magnitude, r.description, r.shared_count, r.consistency,
                   r.difficulty, r.response_time_ms, r.trial_started_at, r.client_timestamp,
                   r.received_at,
            """
                    + SESSION_STATE
                    + """
             AS session_state,
                   s.pilot, s.excluded_at IS NOT NULL AS excluded_by_researcher
            FROM response r
            JOIN participant_session s ON s.id = r.session_id
            JOIN study st ON st.id = s.study_id
            JOIN assignment asg ON asg.id = r.assignment_id
            JOIN trial t ON t.id = asg.trial_id
            JOIN axis a ON a.id = t.axis_id
            JOIN study_model m ON m.id = a.model_id
            WHERE s.study_id = ?
            ORDER BY r.id
            """;

    static final String PARTICIPANTS =
            "SELECT s.id AS participant_id, s.source, s.external_id, s.assignment_id, s.hit_id,"
                    + " s.prolific_study_id, s.prolific_session_id, "
                    + SESSION_STATE
                    + """
             AS state,
                   s.created_at AS started_at, s.consented_at, s.completed_at, s.expires_at,
                   s.user_agent, s.screen_width, s.screen_height, s.time_zone, s.language,
                   (SELECT count(*) FROM assignment x WHERE x.session_id = s.id) AS trials,
                   (SELECT count(*) FROM response x WHERE x.session_id = s.id) AS responses,
                   catch_trials_failed(s.id) AS catch_failed,
                   catch_rule_excludes(s.id, st.design) AS excluded,
                   s.pilot, s.consent_sha256, s.exclusion_reason, s.excluded_at
            FROM participant_session s
            JOIN study st ON st.id = s.study_id
            WHERE s.study_id = ?
            ORDER BY s.id
            """;

    static final String STIMULI =
            """
            SELECT m.model_key AS model_id, m.space, m.exploration, m.distance, m.image_distance,
                   a.axis_key AS axis_id, a.axis_class, a.rank, a.eigenvalue, a.alpha,
                   x.reference_index AS reference,
                   array_to_string(x.frame_distances, ';') AS frame_distances, f.position AS frame,
                   f.step, f.path, f.sha256, f.byte_size,
                   '/stimuli/' || st.slug || '/' || st.version || '/' || f.path AS url
            FROM frame f
            JOIN strip x ON x.id = f.strip_id
            JOIN axis a ON a.id = x.axis_id
            JOIN study_model m ON m.id = a.model_id
            JOIN study st ON st.id = f.study_id
            WHERE f.study_id = ?
            ORDER BY m.model_key, a.axis_class, a.rank, x.reference_index, f.position
            """;
}
