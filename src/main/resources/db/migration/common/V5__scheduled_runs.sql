-- One row per run of a scheduled job and period: the instance that inserts it runs the job, every
-- other instance sees the key taken and skips. No job fires twice for one period.
CREATE TABLE scheduled_run (
    job          VARCHAR(60)              NOT NULL,
    period_start TIMESTAMP WITH TIME ZONE NOT NULL,
    instance     VARCHAR(100)             NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_scheduled_run PRIMARY KEY (job, period_start)
);
