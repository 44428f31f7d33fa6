ALTER TABLE interview ADD COLUMN cancel_reason VARCHAR(2000);
