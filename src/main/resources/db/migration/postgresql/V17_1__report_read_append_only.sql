-- The audit of report reads cannot be changed or shortened, whoever connects.
CREATE FUNCTION report_read_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'report_read is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_report_read_append_only
    BEFORE UPDATE OR DELETE ON report_read
    FOR EACH ROW EXECUTE FUNCTION report_read_append_only();
