-- The leaders report counts the period's requests of each eligible leader: by leader and time, read
-- from the index alone rather than every request the leader ever had.
CREATE INDEX ix_request_leader_created ON interview_request (leader_id, created_at);
