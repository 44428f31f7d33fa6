-- The leaders report reads the eligible leaders (a tenth of everyone) from this index alone
-- instead of scanning every person. Only the directory changes these columns.
CREATE INDEX ix_person_leader ON person (id) INCLUDE (division_id, hired_on, left_on, active)
    WHERE leader;
