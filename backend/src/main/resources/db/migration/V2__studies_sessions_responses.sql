-- Studies and their stimuli, imported from a study-config YAML and a stimulus manifest.
CREATE TABLE study (
    id                      BIGSERIAL PRIMARY KEY,
    slug                    TEXT        NOT NULL,
    version                 INT         NOT NULL CHECK (version >= 1),
    title                   TEXT        NOT NULL,
    description             TEXT        NOT NULL DEFAULT '',
    instructions            TEXT        NOT NULL DEFAULT '',
    state                   TEXT        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    config_yaml             TEXT        NOT NULL,
    design                  JSONB       NOT NULL,
    stimuli_dir             TEXT        NOT NULL,
    manifest_sha256         TEXT        NOT NULL,
    completion_code         TEXT        NOT NULL,
    prolific_completion_url TEXT,
    compensation            TEXT        NOT NULL DEFAULT '',
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    opened_at               TIMESTAMPTZ,
    closed_at               TIMESTAMPTZ,
    UNIQUE (slug, version)
);

CREATE TABLE study_model (
    id             BIGSERIAL PRIMARY KEY,
    study_id       BIGINT           NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    model_key      TEXT             NOT NULL,
    label          TEXT             NOT NULL,
    space          TEXT             NOT NULL,
    exploration    TEXT             NOT NULL,
    distance       DOUBLE PRECISION NOT NULL,
    image_distance TEXT             NOT NULL,
    UNIQUE (study_id, model_key)
);

CREATE TABLE axis (
    id         BIGSERIAL PRIMARY KEY,
    model_id   BIGINT           NOT NULL REFERENCES study_model (id) ON DELETE CASCADE,
    axis_key   TEXT             NOT NULL,
    axis_class TEXT             NOT NULL CHECK (axis_class IN ('top', 'orthogonal', 'bottom')),
    rank       INT              NOT NULL,
    eigenvalue DOUBLE PRECISION,
    alpha      DOUBLE PRECISION,
    UNIQUE (model_id, axis_key)
);

CREATE TABLE strip (
    id              BIGSERIAL PRIMARY KEY,
    axis_id         BIGINT NOT NULL REFERENCES axis (id) ON DELETE CASCADE,
    reference_index INT    NOT NULL,
    frame_distances TEXT   NOT NULL DEFAULT '',
    UNIQUE (axis_id, reference_index)
);

CREATE TABLE frame (
    id         BIGSERIAL PRIMARY KEY,
    study_id   BIGINT           NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    strip_id   BIGINT           NOT NULL REFERENCES strip (id) ON DELETE CASCADE,
    position   INT              NOT NULL,
    step       DOUBLE PRECISION NOT NULL,
    path       TEXT             NOT NULL,
    sha256     TEXT             NOT NULL,
    byte_size  BIGINT           NOT NULL,
    media_type TEXT             NOT NULL,
    UNIQUE (strip_id, position)
);
CREATE INDEX frame_by_path ON frame (study_id, path);

-- A trial is a condition cell (model x axis class x axis), or a catch trial on an axis (every frame of
-- every strip replaced by the unperturbed reference frame, so "no change" is the right answer).
CREATE TABLE trial (
    id       BIGSERIAL PRIMARY KEY,
    study_id BIGINT  NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    axis_id  BIGINT  NOT NULL REFERENCES axis (id) ON DELETE CASCADE,
    is_catch BOOLEAN NOT NULL,
    UNIQUE (axis_id, is_catch)
);
CREATE INDEX trial_by_study ON trial (study_id, is_catch);

CREATE TABLE participant_session (
    id                  BIGSERIAL PRIMARY KEY,
    study_id            BIGINT      NOT NULL REFERENCES study (id),
    token_sha256        TEXT        NOT NULL UNIQUE,
    source              TEXT        NOT NULL CHECK (source IN ('mturk', 'prolific', 'link')),
    external_id         TEXT,
    assignment_id       TEXT,
    hit_id              TEXT,
    turk_submit_to      TEXT,
    prolific_study_id   TEXT,
    prolific_session_id TEXT,
    user_agent          TEXT,
    screen_width        INT,
    screen_height       INT,
    time_zone           TEXT,
    language            TEXT,
    state               TEXT        NOT NULL DEFAULT 'started' CHECK (state IN ('started', 'consented', 'completed')),
    completion_code     TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at          TIMESTAMPTZ NOT NULL,
    consented_at        TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    last_seen_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX session_by_participant ON participant_session (study_id, source, external_id);
CREATE INDEX session_by_study ON participant_session (study_id, state, expires_at);

CREATE TABLE assignment (
    id         BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES participant_session (id) ON DELETE CASCADE,
    position   INT    NOT NULL,
    trial_id   BIGINT NOT NULL REFERENCES trial (id),
    UNIQUE (session_id, position),
    UNIQUE (session_id, trial_id)
);
CREATE INDEX assignment_by_trial ON assignment (trial_id);

CREATE TABLE response (
    id                 BIGSERIAL PRIMARY KEY,
    session_id         BIGINT      NOT NULL REFERENCES participant_session (id) ON DELETE CASCADE,
    assignment_id      BIGINT      NOT NULL UNIQUE REFERENCES assignment (id) ON DELETE CASCADE,
    client_response_id TEXT        NOT NULL,
    body_sha256        TEXT        NOT NULL,
    change_seen        BOOLEAN     NOT NULL,
    magnitude          INT CHECK (magnitude BETWEEN 0 AND 100),
    description        TEXT CHECK (char_length(description) <= 1000),
    shared_count       INT         NOT NULL CHECK (shared_count BETWEEN 0 AND 5),
    consistency        INT         NOT NULL CHECK (consistency BETWEEN 1 AND 9),
    difficulty         INT         NOT NULL CHECK (difficulty BETWEEN 1 AND 9),
    response_time_ms   INT         NOT NULL CHECK (response_time_ms >= 0),
    trial_started_at   TIMESTAMPTZ,
    client_timestamp   TIMESTAMPTZ NOT NULL,
    catch_passed       BOOLEAN,
    received_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((change_seen AND magnitude IS NOT NULL) OR (NOT change_seen AND magnitude IS NULL)),
    UNIQUE (session_id, client_response_id)
);

-- Researchers: bcrypt passwords read by quarkus-security-jpa; API tokens stored as SHA-256 only.
CREATE TABLE researcher (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('admin', 'researcher')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE api_token (
    id            BIGSERIAL PRIMARY KEY,
    researcher_id BIGINT      NOT NULL REFERENCES researcher (id) ON DELETE CASCADE,
    name          TEXT        NOT NULL,
    token_sha256  TEXT        NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ
);

-- One row per response for the statistics package (org.eigenstudy.backend.statistics).
CREATE VIEW response_analysis_v AS
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
       s.state           AS session_state
FROM response r
         JOIN participant_session s ON s.id = r.session_id
         JOIN assignment asg ON asg.id = r.assignment_id
         JOIN trial t ON t.id = asg.trial_id
         JOIN axis a ON a.id = t.axis_id
         JOIN study_model m ON m.id = a.model_id;
