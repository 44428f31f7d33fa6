-- Whether a name is in the pipeline's counts, and whether it is counted as followed and as held
-- (V25).
ALTER TABLE referral ADD COLUMN counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE referral ADD COLUMN followed_counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE referral ADD COLUMN held_counted BOOLEAN DEFAULT FALSE NOT NULL;
