-- The company's median time to first answer reads the period's answers in the order of their
-- seconds, from this index alone, up to the middle one, instead of sorting a year of them. Every
-- request has an entry (unanswered ones last): an index of the answered only would also be taken,
-- and mixed into a bitmap with the others, for a division's answers, which are read best by the
-- day they were sent.
CREATE INDEX ix_request_answer_seconds ON interview_request
    ((date_part('epoch', answered_at - created_at)))
    INCLUDE (created_at, answered_at);
