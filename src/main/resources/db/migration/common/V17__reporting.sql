-- HR's report reads, kept for audit: rows are only ever added.
CREATE TABLE report_read (
    id          UUID                     NOT NULL PRIMARY KEY,
    reader_id   UUID                     NOT NULL REFERENCES person (id),
    report      VARCHAR(30)              NOT NULL,
    filters     VARCHAR(500)             NOT NULL,
    format      VARCHAR(10)              NOT NULL,
    talent_pool BOOLEAN                  NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_report_read_at ON report_read (read_at);

-- What the reports select by: requests by when they were sent, interviews by when they started or
-- were created, contacts by when they were made, flags for the talent pool.
CREATE INDEX ix_request_created ON interview_request (created_at);
CREATE INDEX ix_interview_status_start ON interview (status, start_at);
CREATE INDEX ix_interview_created ON interview (created_at);
CREATE INDEX ix_referral_interview ON referral (interview_id);
CREATE INDEX ix_contact_met ON contact (met_at);
CREATE INDEX ix_leader_feedback_talent ON leader_feedback (talent_pool, employee_id);
