-- A study's life gains a pilot: draft -> pilot -> open -> closed, and a closed study may be reopened as the
-- same version. In pilot the participant link works as when open, and every session started then is marked
-- pilot = true for good (opening the study later does not unmark it): the analysis leaves pilot sessions out
-- by default, exports keep them with the mark, and they never count against a study's participant cap.
-- Only one version of a slug is reachable (pilot or open) at a time, as before for open.
ALTER TABLE study DROP CONSTRAINT study_state_check;
ALTER TABLE study ADD CONSTRAINT study_state_check CHECK (state IN ('draft', 'pilot', 'open', 'closed'));

ALTER TABLE participant_session ADD COLUMN pilot BOOLEAN NOT NULL DEFAULT false;

-- The analysis view is where "pilot sessions are left out of the analysis" is defined, once: every analysis
-- (the mixed models, the descriptive tables, power planning, the reproducibility bundle) reads its responses
-- here. axis_key is added for the readers that need it, so none has to join the tables itself.
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
WHERE NOT s.pilot;
