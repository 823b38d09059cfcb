-- What each event changed in the meeting's state, as staff screens are sent it (docs/protocol.md
-- §4). Derived, not part of the record: the server writes it with the event it comes from, so
-- that right after a crash a chair's screen can be shown the latest snapshot with the events
-- after it before the server has replayed them. Null for events stored before this column.
ALTER TABLE events ADD COLUMN staff_patch text;
