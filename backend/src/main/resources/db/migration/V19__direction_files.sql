-- Direction files researchers upload for `stimuli.directions.imported` (a .npy [count, dim] or a CSV of
-- `label,v1,...,vn` rows). Kept only after geometry-core's check-directions read every vector as the
-- pipeline will (finite values, non-zero length, one size for all); stored under
-- $EIGENSTUDY_DATA_DIR/directions/{sha256}/{file_name}. Content-addressed: the path a study file names pins
-- the vectors, so a stimuli fingerprint never fits other vectors; the same file twice is one row.
CREATE TABLE direction_file (
    id          BIGSERIAL   PRIMARY KEY,
    sha256      TEXT        NOT NULL UNIQUE,
    file_name   TEXT        NOT NULL,
    count       INTEGER     NOT NULL,
    dim         INTEGER     NOT NULL,
    labels      JSONB       NOT NULL,
    bytes       BIGINT      NOT NULL,
    uploaded_by TEXT        NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
