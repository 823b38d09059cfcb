-- A snapshot is a copy of a meeting's state as of one event, so a long meeting is rebuilt by
-- replaying only the events after it. The events stay the record: a snapshot can be deleted at
-- any time (the server then replays the whole log), and one of another format is ignored.
CREATE TABLE snapshots (
    meeting_id uuid        NOT NULL REFERENCES meetings (id),
    seq        bigint      NOT NULL CHECK (seq > 0),
    format     integer     NOT NULL,
    state      text        NOT NULL,
    taken_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, seq)
);
