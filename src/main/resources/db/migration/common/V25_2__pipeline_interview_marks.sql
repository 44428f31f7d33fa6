-- Whether an interview's booking and its outcome are in the pipeline's counts, and whether it is
-- counted as one that gave names (V25).
ALTER TABLE interview ADD COLUMN booking_counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE interview ADD COLUMN outcome_counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE interview ADD COLUMN named_counted BOOLEAN DEFAULT FALSE NOT NULL;
