-- The interviews whose booking or outcome the pipeline's counts do not hold yet, found without
-- reading the others.
CREATE INDEX ix_interview_booking_uncounted ON interview (request_id) WHERE NOT booking_counted;
CREATE INDEX ix_interview_outcome_uncounted ON interview (request_id)
    WHERE status IN ('HELD', 'NO_SHOW') AND NOT outcome_counted;
