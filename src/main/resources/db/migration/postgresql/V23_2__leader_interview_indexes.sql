-- The leaders report looks up each eligible leader's interviews held in the period and whether
-- any was accepted in it, from these indexes alone, instead of scanning every interview.
CREATE INDEX ix_interview_leader_held ON interview (leader_id, start_at) WHERE status = 'HELD';
CREATE INDEX ix_interview_leader_created ON interview (leader_id, created_at);
