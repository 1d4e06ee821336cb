-- Which consent a participant accepted: the SHA-256 of the exact consent text the page showed (the study's
-- own study.consent, or the platform's default), recorded with the consent. Null for sessions from before.
ALTER TABLE participant_session ADD COLUMN consent_sha256 TEXT;
