-- Each person's held interviews in order, from the index alone: the mobility report looks up
-- everyone's first.
CREATE INDEX ix_interview_employee_held ON interview (employee_id, start_at) WHERE status = 'HELD';
