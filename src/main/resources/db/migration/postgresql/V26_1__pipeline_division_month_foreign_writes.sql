-- The divisions' months follow their employees' months only where this version's job writes both.
-- A writer that does not say so (the version before, during a rolling upgrade: its job and its
-- imports) marks the division's month it wrote for recounting, so that the pipeline reads it from
-- the employees' months until this version's job has counted it again.
CREATE FUNCTION pipeline_month_written() RETURNS trigger AS $$
DECLARE
    written pipeline_month;
BEGIN
    IF current_setting('crossroads.division_months', true) IS DISTINCT FROM 'kept' THEN
        IF TG_OP = 'DELETE' THEN
            written := OLD;
        ELSE
            written := NEW;
        END IF;
        INSERT INTO pipeline_division_month (division_id, period, recount)
            VALUES (written.division_id, written.period, TRUE)
            ON CONFLICT (division_id, period) DO UPDATE SET recount = TRUE
            WHERE NOT pipeline_division_month.recount;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_pipeline_month_written AFTER INSERT OR UPDATE OR DELETE ON pipeline_month
    FOR EACH ROW EXECUTE FUNCTION pipeline_month_written();

-- The months the version before wrote between the table's first filling and this trigger, counted
-- again too; its writes wait for this transaction, so none falls between.
INSERT INTO pipeline_division_month (division_id, period, recount)
    SELECT DISTINCT division_id, period, TRUE FROM pipeline_month
    ON CONFLICT (division_id, period) DO UPDATE SET recount = TRUE;
