-- The last power simulation ("Plan sample size") a researcher ran per study version and measure, so the
-- statistics report can show it without rerunning minutes of simulation. One row per (study, measure):
-- a new run replaces the last. `run` is the JSON of statistics.planning.PowerRun (request parameters,
-- seed, pilot, power table); ran_at is when the simulation finished.
CREATE TABLE power_simulation (
    study_id BIGINT      NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    measure  TEXT        NOT NULL,
    ran_at   TIMESTAMPTZ NOT NULL,
    run      JSONB       NOT NULL,
    PRIMARY KEY (study_id, measure)
);
