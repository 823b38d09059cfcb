-- Conclusions followed after their meeting: each conclusion of a closed meeting is a stream of the
-- ledger (kind 'conclusion'); this is its read model, kept in the same transaction as each append,
-- for the offices' lists, the administrator's and the Front's pages by office and the tracking page.
-- 'state' is the follow-up as the rules last left it; the other columns are what lists filter and
-- sort by.
CREATE TABLE followups (
    id                uuid        PRIMARY KEY,
    commune_id        uuid        NOT NULL REFERENCES communes (id),
    meeting_id        uuid        NOT NULL REFERENCES meetings (id),
    conclusion_id     integer     NOT NULL,
    seq               bigint      NOT NULL,
    status            text        NOT NULL,
    office_id         uuid,                 -- null: an office the directory does not have (a level above)
    office_key        text        NOT NULL, -- the office's name folded, to group those without an id
    deadline          date,
    opened_at         timestamptz NOT NULL,
    settled_on        date,
    supervision_years integer[]   NOT NULL,
    petition_codes    text[]      NOT NULL,
    state             jsonb       NOT NULL,
    UNIQUE (meeting_id, conclusion_id)
);
CREATE INDEX followups_by_commune ON followups (commune_id, status, deadline);
CREATE INDEX followups_by_office ON followups (office_id, status, deadline) WHERE office_id IS NOT NULL;

-- How far each closed meeting's conclusions have been taken up to be followed: up to which event of
-- its log (a conclusion may be recorded or corrected after the close). The bookmark of the
-- projection (desk.ConclusionFollowUps), written in the same transaction as the follow-ups it
-- opened. A closed meeting whose log goes further, or that has none, is taken up again at the next
-- start; so the meetings closed before this migration get their follow-ups at the first start.
CREATE TABLE conclusion_followups_done (
    meeting_id  uuid        PRIMARY KEY REFERENCES meetings (id),
    through_seq bigint      NOT NULL,
    done_at     timestamptz NOT NULL
);
