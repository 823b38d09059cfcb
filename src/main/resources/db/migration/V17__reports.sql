-- Reports upward (issue 17, section 4): every figure is a query on the record and its read models,
-- never a counter kept beside them. What those queries need:

-- The setup events of a meeting, newest first: a meeting's kind is the one its last setup gave.
CREATE INDEX events_setups ON events (meeting_id, seq DESC) WHERE type IN ('MeetingCreated', 'SetupChanged');

-- The events a report counts (attendees, speeches called, answers called): an index-only count per
-- meeting instead of reading every event of the meetings held.
CREATE INDEX events_counted ON events (meeting_id, type) WHERE type IN ('CheckedIn', 'SpeakerCalled', 'ResponderCalled');

-- The day in Vietnam of an instant written as ISO-8601 with its offset, as the JSON of the records
-- writes them ("2026-07-01T02:00:00Z"). Immutable in fact: the text carries its own offset and the
-- zone is named, so neither the session's time zone nor anything else changes the answer.
CREATE FUNCTION vietnam_day(iso text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT (iso::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
$$;

-- Two columns of the petitions' read model taken from its state by PostgreSQL itself, in the same
-- statement that writes the state, so they can never disagree with it: the day the answer was
-- given, and the village as the citizen wrote it. Read from the JSON at each report they cost a
-- parse of every petition's state (300,000 in a province's year: most of the report's time).
ALTER TABLE petitions
    ADD COLUMN answered_on date GENERATED ALWAYS AS (vietnam_day(state -> 'answer' ->> 'at')) STORED,
    ADD COLUMN village_name text GENERATED ALWAYS AS (state -> 'citizen' ->> 'villageOrOrganisation') STORED;

-- The petitions received over a period, every commune at once (a province's report), with every
-- column the report counts: read from this index alone (an index-only scan, once autovacuum has
-- marked the table's pages visible) instead of the rows, which carry each petition's whole state.
CREATE INDEX petitions_by_received ON petitions (received_at, commune_id)
    INCLUDE (field_code, channel, competence, village_key, village_name, answered_on, due_date, status)
    WHERE group_lead IS NULL;

-- The meetings closed over a period, every commune at once.
CREATE INDEX meetings_by_closed ON meetings (closed_at, commune_id) WHERE closed_at IS NOT NULL;
