-- Whether a thank-you is in the pipeline's counts (V25).
ALTER TABLE thank_you ADD COLUMN counted BOOLEAN DEFAULT FALSE NOT NULL;
