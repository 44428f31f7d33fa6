-- The requests whose sending, answer or expiry, or whose citing a name, the pipeline's counts do not
-- hold yet, found without reading the others: the job folds them in, and a report reads them with
-- the counts. (Each table's indexes of this release are built in a migration of their own, so that
-- none waits for one table's writers while it holds another table.)
CREATE INDEX ix_request_sent_uncounted ON interview_request (created_at) WHERE NOT sent_counted;
CREATE INDEX ix_request_answer_uncounted ON interview_request (created_at)
    WHERE answered_at IS NOT NULL AND NOT answer_counted;
CREATE INDEX ix_request_expiry_uncounted ON interview_request (created_at)
    WHERE status = 'EXPIRED' AND NOT expiry_counted;
CREATE INDEX ix_request_cite_uncounted ON interview_request (referral_id)
    WHERE referral_id IS NOT NULL AND NOT cite_counted;
CREATE INDEX ix_request_cite_held_uncounted ON interview_request (referral_id)
    WHERE referral_id IS NOT NULL AND NOT cite_held_counted;
-- The requests counted in a division their stamp no longer says: normally none.
CREATE INDEX ix_request_counted_elsewhere ON interview_request (requester_id)
    WHERE counted_division_id IS NOT NULL
    AND (requester_division_id IS NULL OR counted_division_id <> requester_division_id);
