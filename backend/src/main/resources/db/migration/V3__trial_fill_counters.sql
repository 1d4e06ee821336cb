-- Per-cell fill counters, so that starting a session reads a handful of counter rows instead of
-- aggregating every assignment of the study while holding the study's start lock. A cell is filled
-- by the sessions that are completed or still within their timeout; an unfinished session that
-- timed out is "released" once (fill_released) and its cells' counters go down by one.
CREATE TABLE trial_fill (
    trial_id BIGINT PRIMARY KEY REFERENCES trial (id) ON DELETE CASCADE,
    filled   INT NOT NULL CHECK (filled >= 0)
);

ALTER TABLE participant_session ADD COLUMN fill_released BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE participant_session SET fill_released = TRUE WHERE state <> 'completed' AND expires_at <= now();

INSERT INTO trial_fill (trial_id, filled)
SELECT asg.trial_id, count(*)
FROM assignment asg
JOIN participant_session s ON s.id = asg.session_id
WHERE NOT s.fill_released
GROUP BY asg.trial_id;

-- The unfinished sessions that may still time out: what each start scans for releases.
CREATE INDEX session_unreleased ON participant_session (study_id, expires_at)
    WHERE state <> 'completed' AND NOT fill_released;
