-- The pipeline's counts of a division's month (UTC, "YYYY-MM"): its employees' months
-- (pipeline_month) added up, with the people behind each figure as 64 bits, one set per person by
-- a hash of their id: people_bits for anyone with a count, held_or_no_show_bits for those with a
-- held or a missed interview, <figure>_bits for those whose figure is above zero (the requests
-- sent have anyone's people, the interviews that gave names those of the names). The bits set
-- never outnumber the people, and the bits of a year are the OR of its months': a report reads a
-- year of a division in twelve rows, and counts people exactly only where fewer than five bits are
-- set. The reports' job adds to a row what it adds to its employees' months, in the same
-- transaction. A recorded move takes counts out of employees' months, which bits cannot follow:
-- the rows concerned are marked for recounting, read from the employees' months until the job has
-- counted them again.
CREATE TABLE pipeline_division_month (
    division_id           UUID       NOT NULL,
    period                VARCHAR(7) NOT NULL,
    recount               BOOLEAN    DEFAULT FALSE NOT NULL,
    sent                  BIGINT     DEFAULT 0 NOT NULL,
    answered              BIGINT     DEFAULT 0 NOT NULL,
    expired               BIGINT     DEFAULT 0 NOT NULL,
    booked                BIGINT     DEFAULT 0 NOT NULL,
    held                  BIGINT     DEFAULT 0 NOT NULL,
    no_show               BIGINT     DEFAULT 0 NOT NULL,
    thanked               BIGINT     DEFAULT 0 NOT NULL,
    on_time               BIGINT     DEFAULT 0 NOT NULL,
    names                 BIGINT     DEFAULT 0 NOT NULL,
    named                 BIGINT     DEFAULT 0 NOT NULL,
    followed              BIGINT     DEFAULT 0 NOT NULL,
    names_held            BIGINT     DEFAULT 0 NOT NULL,
    depth1                BIGINT     DEFAULT 0 NOT NULL,
    depth2                BIGINT     DEFAULT 0 NOT NULL,
    depth3                BIGINT     DEFAULT 0 NOT NULL,
    people_bits           BIGINT     DEFAULT 0 NOT NULL,
    held_or_no_show_bits  BIGINT     DEFAULT 0 NOT NULL,
    answered_bits         BIGINT     DEFAULT 0 NOT NULL,
    expired_bits          BIGINT     DEFAULT 0 NOT NULL,
    booked_bits           BIGINT     DEFAULT 0 NOT NULL,
    held_bits             BIGINT     DEFAULT 0 NOT NULL,
    no_show_bits          BIGINT     DEFAULT 0 NOT NULL,
    thanked_bits          BIGINT     DEFAULT 0 NOT NULL,
    on_time_bits          BIGINT     DEFAULT 0 NOT NULL,
    names_bits            BIGINT     DEFAULT 0 NOT NULL,
    followed_bits         BIGINT     DEFAULT 0 NOT NULL,
    names_held_bits       BIGINT     DEFAULT 0 NOT NULL,
    depth1_bits           BIGINT     DEFAULT 0 NOT NULL,
    depth2_bits           BIGINT     DEFAULT 0 NOT NULL,
    depth3_bits           BIGINT     DEFAULT 0 NOT NULL,
    CONSTRAINT pk_pipeline_division_month PRIMARY KEY (division_id, period)
);

-- The months counted before this table: each division's is counted again by the job, and read from
-- its employees' months until then.
INSERT INTO pipeline_division_month (division_id, period, recount)
    SELECT DISTINCT division_id, period, TRUE FROM pipeline_month;
