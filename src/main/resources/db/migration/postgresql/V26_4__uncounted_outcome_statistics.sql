-- Only a held interview can be held and not yet counted, and only an expired request expired and
-- not yet counted; without these statistics PostgreSQL takes each pair of conditions as independent
-- (most interviews are held, and every interview not held is "not counted as held") and expects
-- thousands of uncounted facts a month where the job leaves none, which can turn the leaders'
-- statement to a sort and merge of every leader-month instead of a hash. The statistics record
-- how often each pair of values occurs together. Neither statement nor the ANALYZE blocks writers.
CREATE STATISTICS st_interview_status_held_counted (mcv) ON status, held_counted FROM interview;
CREATE STATISTICS st_interview_status_outcome_counted (mcv) ON status, outcome_counted FROM interview;
CREATE STATISTICS st_request_status_expiry_counted (mcv) ON status, expiry_counted
    FROM interview_request;
ANALYZE interview;
ANALYZE interview_request;
