-- Who may see and change a study: its owner, editors and viewers (admins see every study). A study imported
-- by a researcher has that researcher as its owner. Until now every researcher saw and changed every study;
-- the studies that exist keep that access: every researcher account becomes an editor of each.
CREATE TABLE study_member (
    study_id      BIGINT      NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    researcher_id BIGINT      NOT NULL REFERENCES researcher (id) ON DELETE CASCADE,
    role          TEXT        NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    added_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (study_id, researcher_id)
);
CREATE INDEX study_member_by_researcher ON study_member (researcher_id);

INSERT INTO study_member (study_id, researcher_id, role)
SELECT s.id, r.id, 'editor' FROM study s CROSS JOIN researcher r WHERE r.role = 'researcher';
