-- The leaders report reads the period's leader-months from this index alone (a year is a third of
-- three years' rows), and the eligible leaders (a tenth of everyone) from the second, instead of
-- scanning both tables. Neither column set changes on a booking, so bookings' updates stay as they
-- were; the job's folds update the first index too.
CREATE INDEX ix_leader_month_request_period ON leader_month_request (period)
    INCLUDE (leader_id, requests, accepted, held);
CREATE INDEX ix_person_leader ON person (id) INCLUDE (division_id, hired_on, left_on, active)
    WHERE leader;
