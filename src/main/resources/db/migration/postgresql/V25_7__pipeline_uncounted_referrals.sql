-- The names the pipeline's counts do not hold yet, found without reading the others.
CREATE INDEX ix_referral_uncounted ON referral (interview_id) WHERE NOT counted;
