-- Stimulus precompute jobs: "Compute stimuli" in the dashboard runs geometry-core's pipeline for a study file
-- on this server (platform precompute.PrecomputeWorker, one child process per job). The job's folder under
-- $EIGENSTUDY_DATA_DIR/jobs/{id}/ holds the study file, the pipeline's output and work files (resumable), its
-- log and its progress; a job that was running when the server stopped is queued again at the next start and
-- resumes where the pipeline stopped. A finished job's stimuli become a verified stimulus bundle (bundle_id).
CREATE TABLE stimulus_job (
    id             BIGSERIAL   PRIMARY KEY,
    config_yaml    TEXT        NOT NULL,
    study_slug     TEXT        NOT NULL,
    stimuli_sha256 TEXT        NOT NULL,
    state          TEXT        NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    failure        TEXT,
    bundle_id      BIGINT      REFERENCES stimulus_bundle (id),
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX stimulus_job_unfinished ON stimulus_job (id) WHERE state IN ('queued', 'running');
