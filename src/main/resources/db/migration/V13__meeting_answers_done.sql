-- How far the petitions named by each closed meeting's conclusions have been answered: up to which
-- event of the meeting's log (a conclusion may still be recorded after the close). A bookmark of
-- the projection that answers them (desk.MeetingAnswers), not the record: the events and the
-- ledger are. A closed meeting whose log goes further than its bookmark, or has none, is taken up
-- again at the next start, so an answer is never lost to a stop between a close and its answers.
CREATE TABLE meeting_answers_done (
    meeting_id  uuid        PRIMARY KEY REFERENCES meetings (id),
    through_seq bigint      NOT NULL,
    done_at     timestamptz NOT NULL
);

-- The meetings closed before a conclusion could name a petition have nothing to answer.
INSERT INTO meeting_answers_done (meeting_id, through_seq, done_at)
SELECT m.id, coalesce((SELECT max(e.seq) FROM events e WHERE e.meeting_id = m.id), 0), now()
FROM meetings m
WHERE m.status = 'CLOSED';
