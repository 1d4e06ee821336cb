-- Participants' rights and the researcher's say over whom the analysis counts (#18).
--
-- Exclusion: a researcher may exclude a session, always with a reason. The session and its answers stay
-- (exports keep them, with the reason); the analysis view leaves them out, the same single place that
-- leaves pilot sessions out.
ALTER TABLE participant_session ADD COLUMN excluded_at TIMESTAMPTZ;
ALTER TABLE participant_session ADD COLUMN exclusion_reason TEXT;
ALTER TABLE participant_session ADD COLUMN excluded_by TEXT;
ALTER TABLE participant_session ADD CONSTRAINT session_exclusion_has_reason
    CHECK ((excluded_at IS NULL) = (exclusion_reason IS NULL));

-- Withdrawal: a finished session's withdrawal code is its id and an HMAC of it under the study's key
-- (privacy.service.WithdrawalCodes), so nothing about it is stored and sessions from before have one too.

-- Retention: study.retention_days after a session ended, its platform ids are replaced by a pseudonym
-- (an HMAC under the study's key, so one participant keeps one pseudonym within the study) and the ids
-- that could lead back to them (assignment, HIT, Prolific session, submit URL, browser) are dropped.
ALTER TABLE participant_session ADD COLUMN pseudonymised_at TIMESTAMPTZ;
ALTER TABLE study ADD COLUMN retention_days INT NOT NULL DEFAULT 0 CHECK (retention_days BETWEEN 0 AND 3650);
-- 256 random bits per study (two v4 UUIDs give 244 of them); never leaves the database.
ALTER TABLE study ADD COLUMN secret_key TEXT NOT NULL
    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
CREATE INDEX session_retention ON participant_session (study_id)
    WHERE pseudonymised_at IS NULL AND external_id IS NOT NULL;

-- Deletions (a participant's withdrawal or a researcher's erasure) delete the sessions themselves; this is
-- their log: who, when, which study, how the participant was named (the kind, never the value) and how
-- much went. Nothing in it identifies the participant.
CREATE TABLE data_deletion (
    id         BIGSERIAL PRIMARY KEY,
    study_id   BIGINT      NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    deleted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor      TEXT        NOT NULL,
    matched_by TEXT        NOT NULL CHECK (matched_by IN ('withdrawal-code', 'external-id')),
    sessions   INT         NOT NULL CHECK (sessions >= 0),
    responses  INT         NOT NULL CHECK (responses >= 0)
);
CREATE INDEX data_deletion_by_study ON data_deletion (study_id, deleted_at);

-- Accounts an admin disabled: no login, no token, no cookie works for them; their rows stay.
ALTER TABLE researcher ADD COLUMN disabled_at TIMESTAMPTZ;

CREATE OR REPLACE VIEW response_analysis_v AS
SELECT r.id              AS response_id,
       s.study_id        AS study_id,
       s.id              AS participant_id,
       m.model_key       AS model_id,
       m.space           AS space,
       a.axis_class      AS axis_class,
       a.rank            AS rank,
       a.eigenvalue      AS eigenvalue,
       r.change_seen     AS change_seen,
       r.magnitude       AS magnitude,
       r.shared_count    AS shared_count,
       r.consistency     AS consistency,
       r.difficulty      AS difficulty,
       t.is_catch        AS is_catch,
       r.catch_passed    AS catch_passed,
       s.state           AS session_state,
       a.axis_key        AS axis_key
FROM response r
         JOIN participant_session s ON s.id = r.session_id
         JOIN assignment asg ON asg.id = r.assignment_id
         JOIN trial t ON t.id = asg.trial_id
         JOIN axis a ON a.id = t.axis_id
         JOIN study_model m ON m.id = a.model_id
WHERE NOT s.pilot
  AND s.excluded_at IS NULL;

-- The study's own exclusion rule, defined once for the exports and the participants table: a session is
-- excluded by it when it failed more catch trials than design.exclusion.max_failed_catch_trials.
CREATE FUNCTION catch_trials_failed(session BIGINT) RETURNS BIGINT
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT count(*) FROM response WHERE session_id = session AND catch_passed = FALSE
$$;

CREATE FUNCTION catch_rule_excludes(session BIGINT, design JSONB) RETURNS BOOLEAN
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT catch_trials_failed(session) > (design ->> 'maxFailedCatchTrials')::int
$$;
