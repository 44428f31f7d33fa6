-- The leaders report reads the period's leader-months from this index alone (a year is a third of
-- three years' rows) instead of scanning the table. Only the reports' job writes to the table.
-- (Each index of this release is built in a migration of its own, so that none waits for one
-- table's writers while it holds another table.)
CREATE INDEX ix_leader_month_request_period ON leader_month_request (period)
    INCLUDE (leader_id, requests, accepted, held);
