-- The requests not yet counted per leader and month, found without reading the others: the job
-- folds them in, and a report reads them with the counts.
CREATE INDEX ix_request_uncounted ON interview_request (created_at) INCLUDE (leader_id)
    WHERE NOT counted;
