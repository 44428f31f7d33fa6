-- One file attached to a message (the monthly report's PDF): its name, media type and bytes.
-- BYTEA is PostgreSQL's binary type and an alias of BINARY VARYING in H2.
ALTER TABLE outbox_message ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE outbox_message ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE outbox_message ADD COLUMN attachment BYTEA;
