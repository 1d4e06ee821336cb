-- Starts of one study no longer wait for each other. A single counter row per cell would still
-- serialise them (every start increments most cells and holds those row locks through its commit),
-- so each cell's fill is spread over 16 shard rows and is the sum over them. A start writes only to
-- its own shard (its session id % 16, so consecutive starts use different rows), in trial id order
-- (no deadlocks), and applies there both its own +1s and the -1s of the timed-out sessions it
-- releases. A shard may therefore go below zero; the sum cannot (a session is released once, after
-- being counted). The shard count 16 is also TrialAssigner.SHARDS.
DELETE FROM trial_fill;

ALTER TABLE trial_fill DROP CONSTRAINT trial_fill_pkey;
ALTER TABLE trial_fill DROP CONSTRAINT trial_fill_filled_check;
ALTER TABLE trial_fill ADD COLUMN shard SMALLINT NOT NULL CHECK (shard >= 0 AND shard < 16);
ALTER TABLE trial_fill ADD PRIMARY KEY (trial_id, shard);

INSERT INTO trial_fill (trial_id, shard, filled)
SELECT asg.trial_id, s.id % 16, count(*)
FROM assignment asg
JOIN participant_session s ON s.id = asg.session_id
WHERE NOT s.fill_released
GROUP BY asg.trial_id, s.id % 16;
