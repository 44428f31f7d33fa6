-- A leader's availability: weekly hours and dated overrides as local wall time in their zone.
-- Rules are always read whole, so each set is one text column (see Availability).
CREATE TABLE availability (
    leader_id             UUID           NOT NULL PRIMARY KEY REFERENCES person (id),
    time_zone             VARCHAR(64)    NOT NULL,
    weekly                VARCHAR(4000)  NOT NULL,
    overrides             VARCHAR(40000) NOT NULL,
    buffer_before_minutes INTEGER        NOT NULL,
    buffer_after_minutes  INTEGER        NOT NULL,
    min_notice_minutes    INTEGER        NOT NULL,
    horizon_days          INTEGER        NOT NULL,
    version               BIGINT         NOT NULL
);

-- Interviews counted against a leader's monthly cap, by month in the leader's zone ('2026-03').
-- Changed only by a conditional update, never by counting rows.
CREATE TABLE leader_month_load (
    leader_id UUID       NOT NULL REFERENCES person (id),
    period    VARCHAR(7) NOT NULL,
    booked    INTEGER    NOT NULL,
    CONSTRAINT pk_leader_month_load PRIMARY KEY (leader_id, period),
    CONSTRAINT ck_leader_month_load_booked CHECK (booked >= 0)
);

-- The stretch an interview blocks on the leader's calendar: buffers included, fixed at booking.
ALTER TABLE interview ADD COLUMN block_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE interview ADD COLUMN block_end TIMESTAMP WITH TIME ZONE;
UPDATE interview SET block_start = start_at, block_end = end_at;
ALTER TABLE interview ALTER COLUMN block_start SET NOT NULL;
ALTER TABLE interview ALTER COLUMN block_end SET NOT NULL;
CREATE INDEX ix_interview_leader_block ON interview (leader_id, block_start);

CREATE INDEX ix_request_requester_created ON interview_request (requester_id, created_at);
