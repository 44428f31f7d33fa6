-- The rows still to stamp with their divisions at the time, found without reading the others.
CREATE INDEX ix_request_unstamped ON interview_request (id) WHERE requester_division_id IS NULL;
CREATE INDEX ix_interview_employee_unstamped ON interview (id) WHERE employee_division_id IS NULL;
CREATE INDEX ix_interview_leader_unstamped ON interview (id) WHERE leader_division_id IS NULL;
CREATE INDEX ix_contact_unstamped ON contact (employee_id, person_id) WHERE employee_division_id IS NULL;

-- The reports read a period's requests and held interviews with their divisions from the index
-- alone (an index-only scan), not from the tables' pages.
DROP INDEX ix_request_created;
CREATE INDEX ix_request_created ON interview_request (created_at)
    INCLUDE (id, requester_id, requester_division_id, status, answered_at);
DROP INDEX ix_interview_status_start;
CREATE INDEX ix_interview_status_start ON interview (status, start_at)
    INCLUDE (employee_id, leader_id, employee_division_id, leader_division_id);
