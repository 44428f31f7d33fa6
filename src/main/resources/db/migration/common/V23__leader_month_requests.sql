-- The requests each leader received in each calendar month (UTC, "YYYY-MM"): a report adds up a
-- year of them in some 100,000 rows instead of reading every request. A request's leader and the
-- time it was sent never change, so a request is counted once: the reports' job folds the requests
-- not yet counted into these rows and marks them counted in the same transaction, and a report adds
-- the requests still uncounted to the rows, so it is exact before the job has run.
CREATE TABLE leader_month_request (
    leader_id UUID       NOT NULL REFERENCES person (id),
    period    VARCHAR(7) NOT NULL,
    requests  BIGINT     NOT NULL,
    CONSTRAINT pk_leader_month_request PRIMARY KEY (leader_id, period),
    CONSTRAINT ck_leader_month_request_requests CHECK (requests > 0)
);

ALTER TABLE interview_request ADD COLUMN counted BOOLEAN DEFAULT FALSE NOT NULL;
