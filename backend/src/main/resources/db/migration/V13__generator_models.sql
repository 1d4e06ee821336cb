-- Generators researchers upload (a .zip of model-card.json and its TorchScript modules). Kept only after
-- geometry-core's check-model loaded every latent space's module and ran it on prior samples at the card's
-- latent size; stored under $EIGENSTUDY_DATA_DIR/models/{card_sha256}/ with the check's sample grid.
-- Content-addressed by the card (whose `files` pin every module's SHA-256): the same model twice is one row.
CREATE TABLE generator_model (
    id           BIGSERIAL   PRIMARY KEY,
    card_sha256  TEXT        NOT NULL UNIQUE,
    name         TEXT        NOT NULL,
    architecture TEXT        NOT NULL,
    description  TEXT        NOT NULL,
    resolution   INTEGER     NOT NULL,
    channels     INTEGER     NOT NULL,
    spaces       JSONB       NOT NULL,
    bytes        BIGINT      NOT NULL,
    file_name    TEXT        NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
