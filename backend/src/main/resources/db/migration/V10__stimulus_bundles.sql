-- Stimulus bundles researchers upload from the dashboard or by API: a stimuli folder (manifest.json and its
-- frames) computed elsewhere and sent as one .zip. The platform unpacks it under its data folder
-- (bundles/<manifest_sha256>/) only after every frame matched the manifest's SHA-256, so a row here always
-- names a complete, verified folder. A bundle is content-addressed by its manifest: uploading the same
-- stimuli again finds this row instead of storing a second copy. Studies imported from a bundle point their
-- stimuli_dir at its folder; a bundle is never deleted while a study uses it (no deletion yet).
CREATE TABLE stimulus_bundle (
    id              BIGSERIAL   PRIMARY KEY,
    manifest_sha256 TEXT        NOT NULL UNIQUE,
    study_slug      TEXT        NOT NULL,
    config_sha256   TEXT        NOT NULL,
    models          TEXT[]      NOT NULL,
    frames          INTEGER     NOT NULL,
    bytes           BIGINT      NOT NULL,
    file_name       TEXT        NOT NULL,
    uploaded_by     TEXT        NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
