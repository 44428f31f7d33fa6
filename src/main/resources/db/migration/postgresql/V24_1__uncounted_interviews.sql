-- The interviews not yet counted per leader and month, found without reading the others: the job
-- folds them in, and a report reads them with the counts. (The indexes of V23_2, which the leaders
-- report no longer reads, go in a later release: the previous version still reads them.)
CREATE INDEX ix_interview_uncounted ON interview (created_at) INCLUDE (leader_id) WHERE NOT counted;
CREATE INDEX ix_interview_held_uncounted ON interview (start_at) INCLUDE (leader_id)
    WHERE status = 'HELD' AND NOT held_counted;
