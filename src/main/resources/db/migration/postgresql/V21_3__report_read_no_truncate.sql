-- Nor emptied at once: TRUNCATE fires no row trigger, so it gets one of its own.
CREATE TRIGGER tr_report_read_no_truncate
    BEFORE TRUNCATE ON report_read
    FOR EACH STATEMENT EXECUTE FUNCTION report_read_append_only();
