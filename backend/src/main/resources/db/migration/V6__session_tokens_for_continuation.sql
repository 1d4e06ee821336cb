-- A worker may reopen their unfinished MTurk assignment or Prolific session from another browser
-- (docs/api.md, "Continuing from another browser"). That browser gets a token of its own for the same
-- session, stored here (SHA-256 only, like participant_session.token_sha256), so the first browser's
-- token and the answers waiting in its retry queue stay valid.
CREATE TABLE session_token (
    token_sha256 TEXT        PRIMARY KEY,
    session_id   BIGINT      NOT NULL REFERENCES participant_session (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX session_token_by_session ON session_token (session_id);

-- The session a token hash opens: the token it started with, else one issued for a continuation.
-- STABLE, so the planner evaluates it once per statement and uses it as an index key on
-- participant_session.id; the second lookup runs only when the first finds nothing.
CREATE FUNCTION session_of_token(hash TEXT) RETURNS BIGINT
    LANGUAGE sql STABLE STRICT AS
$$
SELECT COALESCE((SELECT id FROM participant_session WHERE token_sha256 = hash),
                (SELECT session_id FROM session_token WHERE token_sha256 = hash))
$$;

