-- When each meeting was closed, beside its status (a listing of the record, kept by the server
-- with the events that change it): joins by code stop a while after the close.
ALTER TABLE meetings ADD COLUMN closed_at timestamptz;

UPDATE meetings m SET closed_at = e.occurred_at
FROM events e
WHERE e.meeting_id = m.id AND e.type = 'MeetingClosed';
