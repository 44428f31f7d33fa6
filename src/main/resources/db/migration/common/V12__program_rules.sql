-- The program's rules: one row, edited by HR, with a version for optimistic concurrency. Seeded
-- from configuration the first time the application reads it.
CREATE TABLE program_rules (
    id                      SMALLINT                 NOT NULL PRIMARY KEY CHECK (id = 1),
    version                 BIGINT                   NOT NULL,
    lengths                 VARCHAR(100)             NOT NULL,
    default_length          INTEGER                  NOT NULL,
    default_monthly_cap     INTEGER                  NOT NULL,
    max_open_requests       INTEGER                  NOT NULL,
    max_requests_per_month  INTEGER                  NOT NULL,
    max_follow_ups          INTEGER                  NOT NULL,
    follow_up_business_days INTEGER                  NOT NULL,
    expiry_business_days    INTEGER                  NOT NULL,
    max_level_gap           INTEGER                  NOT NULL,
    repeat_window_months    INTEGER                  NOT NULL,
    keep_in_touch_days      INTEGER                  NOT NULL,
    holidays                VARCHAR(5000)            NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              UUID
);
