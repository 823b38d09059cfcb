-- Petitions (kiến nghị): their events are in the ledger (stream kind 'petition'); this is their read
-- model, kept in the same transaction as each append, for the desk's lists, the search and the
-- public tracking page. 'state' is the petition as the rules last left it; the other columns are
-- what lists filter and sort by.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE petitions (
    id            uuid        PRIMARY KEY,
    commune_id    uuid        NOT NULL REFERENCES communes (id),
    seq           bigint      NOT NULL,
    tracking_code text        NOT NULL UNIQUE,
    status        text        NOT NULL,
    channel       text        NOT NULL,
    field_code    text        NOT NULL,
    competence    text,                    -- null until someone judges it (the public form)
    village_key   text        NOT NULL,
    office_id     uuid,
    due_date      date,
    received_at   timestamptz NOT NULL,
    sensitive     boolean     NOT NULL,
    group_lead    uuid,
    -- Content, citizen, village, office and code folded (no diacritics, lower case): "dat dai" finds "Đất đai".
    search_text   text        NOT NULL,
    state         jsonb       NOT NULL
);
CREATE INDEX petitions_by_commune ON petitions (commune_id, received_at DESC);
CREATE INDEX petitions_by_status ON petitions (commune_id, status, due_date);
CREATE INDEX petitions_by_office ON petitions (office_id, due_date) WHERE office_id IS NOT NULL;
CREATE INDEX petitions_by_lead ON petitions (group_lead) WHERE group_lead IS NOT NULL;
CREATE INDEX petitions_search ON petitions USING gin (search_text gin_trgm_ops);
