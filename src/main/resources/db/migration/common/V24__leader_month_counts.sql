-- Each leader's month in three counts (the table keeps the name V23 gave it, so that the previous
-- version still works on this schema during a rolling upgrade): the requests they received, the
-- interviews they accepted (by the time the interview was booked) and the interviews they held (by
-- the time it started), calendar months in UTC. None of these can change once it happened: a
-- request's leader and the time it was sent, an interview's leader and the time it was booked, and
-- a held interview's start (a held interview is closed). So each is folded in once by the reports'
-- job, and marked counted in the same transaction; a report adds what is not counted yet, and is
-- exact before the job has run.
ALTER TABLE leader_month_request ADD COLUMN accepted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE leader_month_request ADD COLUMN held BIGINT DEFAULT 0 NOT NULL;
-- A month may have interviews and no request.
ALTER TABLE leader_month_request DROP CONSTRAINT ck_leader_month_request_requests;
ALTER TABLE leader_month_request ADD CONSTRAINT ck_leader_month_request_counts
    CHECK (requests >= 0 AND accepted >= 0 AND held >= 0);

ALTER TABLE interview ADD COLUMN counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE interview ADD COLUMN held_counted BOOLEAN DEFAULT FALSE NOT NULL;
