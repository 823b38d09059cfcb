-- Read models of the communes' yearly plans of dialogues (plan 000, II.2.1). The plan itself lives
-- in the ledger: one stream per commune and year (stream_kind 'plan'); these rows are kept in the
-- same transaction as each append, and the progress page counts from them and from meetings.
CREATE TABLE plans (
    commune_id           uuid        NOT NULL REFERENCES communes (id),
    year                 integer     NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    stream_id            uuid        NOT NULL UNIQUE,
    seq                  bigint      NOT NULL,
    target_direct        integer,
    target_periodic      integer,
    target_thematic      integer,
    target_extraordinary integer,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (commune_id, year)
);

-- One planned dialogue. A cancelled one stays, with its reason; it is never linked to a meeting,
-- and a meeting comes from one planned dialogue at most.
CREATE TABLE planned_dialogues (
    id             uuid        PRIMARY KEY,
    commune_id     uuid        NOT NULL,
    year           integer     NOT NULL,
    position       integer     NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('PERIODIC', 'THEMATIC', 'EXTRAORDINARY')),
    theme          text        NOT NULL,
    group_name     text,
    month          smallint    NOT NULL CHECK (month BETWEEN 1 AND 12),
    chair          text,
    host_office_id uuid        REFERENCES offices (id),
    host_office    text,
    venue          text,
    note           text,
    meeting_id     uuid        UNIQUE REFERENCES meetings (id),
    cancel_reason  text,
    cancelled_at   timestamptz,
    planned_at     timestamptz NOT NULL,
    FOREIGN KEY (commune_id, year) REFERENCES plans (commune_id, year),
    CHECK (meeting_id IS NULL OR cancelled_at IS NULL)
);
CREATE INDEX planned_dialogues_by_plan ON planned_dialogues (commune_id, year, month);
-- The meetings held outside the plan are counted by the month they closed.
CREATE INDEX meetings_closed_by_commune ON meetings (commune_id, closed_at) WHERE closed_at IS NOT NULL;
