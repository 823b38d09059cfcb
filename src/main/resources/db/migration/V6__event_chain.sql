-- A tamper-evident record: every event carries the hash of its content and of the previous event's
-- hash, so each meeting's log is a chain. Changing, removing or inserting an event behind the
-- server's back (with the triggers disabled) breaks the chain at that event, unless every later
-- hash is forged too, which changes the head: the head at the close is printed on the minutes.
-- Computed here, in the database, from the values as stored, so that the check (RecordChain in the
-- server, bin/verify) reads exactly what was hashed.

-- One link: the previous hash and the event's content as one JSON array (unambiguous: every field
-- escaped), SHA-256, hex. The time in microseconds since 1970, whatever the session's time zone.
CREATE FUNCTION event_link(previous text, meeting uuid, seq bigint, type text, payload jsonb, actor text,
                           occurred_at timestamptz, command_id text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        previous, meeting, seq, type, payload, actor,
        (extract(epoch FROM occurred_at) * 1000000)::bigint, command_id)::text, 'UTF8')), 'hex')
$$;

ALTER TABLE events ADD COLUMN chain_hash text;

-- Events stored before this migration are chained now, in order (the append-only trigger is set
-- aside for this one pass; it is the only UPDATE the record ever gets).
ALTER TABLE events DISABLE TRIGGER events_are_append_only;
DO $$
DECLARE
    e        record;
    previous text;
    meeting  uuid;
BEGIN
    FOR e IN SELECT * FROM events ORDER BY meeting_id, seq LOOP
        IF meeting IS DISTINCT FROM e.meeting_id THEN
            previous := NULL;
            meeting := e.meeting_id;
        END IF;
        previous := event_link(previous, e.meeting_id, e.seq, e.type, e.payload, e.actor, e.occurred_at, e.command_id);
        UPDATE events SET chain_hash = previous WHERE meeting_id = e.meeting_id AND seq = e.seq;
    END LOOP;
END
$$;
ALTER TABLE events ENABLE TRIGGER events_are_append_only;

-- Each new event is linked to the one before it (seen also within one multi-row INSERT: a row
-- trigger sees the rows its statement inserted before).
CREATE FUNCTION chain_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous text;
BEGIN
    IF NEW.seq > 1 THEN
        SELECT chain_hash INTO previous FROM events WHERE meeting_id = NEW.meeting_id AND seq = NEW.seq - 1;
    END IF;
    NEW.chain_hash := event_link(previous, NEW.meeting_id, NEW.seq, NEW.type, NEW.payload, NEW.actor,
                                 NEW.occurred_at, NEW.command_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER events_are_chained
    BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION chain_event();

ALTER TABLE events ALTER COLUMN chain_hash SET NOT NULL;
