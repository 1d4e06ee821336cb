-- Shared count and consistency, like magnitude, are asked only after the participant saw a change
-- (docs/api.md): a "no change" answer stores NULL for all three. Rows stored before this migration
-- keep the values they were given (shared count 0 and a consistency rating for "no change"); the
-- analysis ignores those for "no change" trials (statistics.Measure), the exports show them as stored.
ALTER TABLE response ALTER COLUMN shared_count DROP NOT NULL;
ALTER TABLE response ALTER COLUMN consistency DROP NOT NULL;

-- A seen change always has its follow-up ratings (true of every existing row, so it is validated).
ALTER TABLE response ADD CONSTRAINT response_follow_up_when_change
    CHECK (NOT change_seen OR (shared_count IS NOT NULL AND consistency IS NOT NULL));

-- "No change" has none: enforced for new rows only (NOT VALID), so the older answers stay as given.
ALTER TABLE response ADD CONSTRAINT response_no_follow_up_without_change
    CHECK (change_seen OR (shared_count IS NULL AND consistency IS NULL)) NOT VALID;
