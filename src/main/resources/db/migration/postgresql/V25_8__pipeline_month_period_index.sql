-- The pipeline reads the period's employee-months from this index alone. Only the reports' job
-- writes to the table.
CREATE INDEX ix_pipeline_month_period ON pipeline_month (period)
    INCLUDE (employee_id, division_id, sent, answered, expired, booked, held, no_show, thanked,
        on_time, names, named, followed, names_held, depth1, depth2, depth3);
