-- No two active interviews of one leader may overlap, buffers included, whatever the application
-- does: the database refuses it. (H2 has no exclusion constraints; there the lock on the leader's
-- profile row taken by every booking is the guard.)
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE interview
    ADD CONSTRAINT ex_interview_leader_overlap
    EXCLUDE USING gist (leader_id WITH =, tstzrange(block_start, block_end, '[)') WITH &&)
    WHERE (status = 'SCHEDULED');
