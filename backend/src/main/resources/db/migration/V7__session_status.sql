-- A participant session's status, defined once. Every query that asks whether a session is finished,
-- timed out or still running calls these functions instead of spelling out the rule:
--   completed  state = 'completed' (stored when the participant finishes);
--   abandoned  not completed and past expires_at: it timed out unfinished (session_expired);
--   active     not completed and within expires_at, i.e. 'started' or 'consented' (session_active).
-- now() is the transaction's start, so every statement of one transaction sees the same status.
-- Plain SQL bodies, STABLE and not STRICT, so the planner inlines them: a call is planned exactly
-- like the expression it stands for (the partial index session_unreleased of V3 still serves the
-- release of timed-out sessions).

CREATE FUNCTION session_expired(state TEXT, expires_at TIMESTAMPTZ) RETURNS BOOLEAN
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT state <> 'completed' AND expires_at <= now()
$$;

CREATE FUNCTION session_active(state TEXT, expires_at TIMESTAMPTZ) RETURNS BOOLEAN
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT state <> 'completed' AND NOT session_expired(state, expires_at)
$$;

-- What participants, exports and the dashboard are shown: the stored state ('started', 'consented',
-- 'completed'), except that an expired session reads 'abandoned'.
CREATE FUNCTION session_status(state TEXT, expires_at TIMESTAMPTZ) RETURNS TEXT
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN session_expired(state, expires_at) THEN 'abandoned' ELSE state END
$$;
