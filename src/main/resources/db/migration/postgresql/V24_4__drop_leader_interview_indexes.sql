-- The indexes of V23_2 served the leaders report until it read interviews from the counts per
-- leader and month (V24); the release before this one no longer read them either. Every booking and
-- every outcome wrote to them.
DROP INDEX ix_interview_leader_held;
DROP INDEX ix_interview_leader_created;
