-- One set of names per interview even when a leader submits twice at once; and the indexes the
-- network's reads and jobs use: requests citing a referral, interviews held by when they ended.
ALTER TABLE referral ADD CONSTRAINT uq_referral_interview_position UNIQUE (interview_id, position);
CREATE INDEX ix_interview_request_referral ON interview_request (referral_id);
CREATE INDEX ix_interview_status_end ON interview (status, end_at);
