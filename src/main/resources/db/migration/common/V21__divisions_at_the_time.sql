-- The division of a row's person on the row's day (docs/METRICS.md, "Division at the time"),
-- kept on the rows the reports group by division. Null until stamped: a report works the
-- division out from the moves where there is no stamp, so rows written before this migration
-- are stamped in the background, a batch at a time, and need no long update here.
ALTER TABLE interview_request ADD COLUMN requester_division_id UUID;
ALTER TABLE interview ADD COLUMN employee_division_id UUID;
ALTER TABLE interview ADD COLUMN leader_division_id UUID;
ALTER TABLE contact ADD COLUMN employee_division_id UUID;

-- One row: stamping and the recording of moves take its lock in turn, so a stamp is never worked
-- out from moves older than the ones a directory import is committing.
CREATE TABLE division_stamping (
    id INTEGER PRIMARY KEY CONSTRAINT ck_division_stamping_one CHECK (id = 1)
);
INSERT INTO division_stamping (id) VALUES (1);
