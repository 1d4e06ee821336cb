-- A study's own consent and closing texts (study.consent, study.debrief in the study file): fields of the
-- study, not of the platform. Empty: the participant page shows its generic consent paragraph and no more.
ALTER TABLE study ADD COLUMN consent TEXT NOT NULL DEFAULT '';
ALTER TABLE study ADD COLUMN debrief TEXT NOT NULL DEFAULT '';
