-- Follow-ups sent on a request, and where a redirected request came from.
ALTER TABLE interview_request ADD COLUMN follow_ups INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE interview_request ADD COLUMN redirected_from UUID REFERENCES interview_request (id);
ALTER TABLE interview_request ADD COLUMN referred_by UUID REFERENCES person (id);
CREATE INDEX ix_request_status_attempt ON interview_request (status, last_attempt_at);
