-- The organiser's credential: one row, the secret itself is never stored.
CREATE TABLE organiser_secret (
    id          smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    secret_hash text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE communes (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    province   text,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A read model of each meeting for listings and for finding what to rebuild at start.
-- The meeting itself lives in its events.
CREATE TABLE meetings (
    id           uuid        PRIMARY KEY,
    commune_id   uuid        NOT NULL REFERENCES communes (id),
    join_code    text        NOT NULL UNIQUE,
    status       text        NOT NULL,
    title        text        NOT NULL,
    scheduled_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_by_commune ON meetings (commune_id, scheduled_at);
CREATE INDEX meetings_by_status ON meetings (status);

-- Role links: only a hash of each secret token is kept.
CREATE TABLE role_tokens (
    token_hash text        PRIMARY KEY,
    meeting_id uuid        NOT NULL REFERENCES meetings (id),
    role       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX role_tokens_by_meeting ON role_tokens (meeting_id);

-- The official record: one append-only log per meeting, numbered without gaps.
-- The primary key makes a second writer with the same expected sequence fail.
CREATE TABLE events (
    meeting_id  uuid        NOT NULL REFERENCES meetings (id),
    seq         bigint      NOT NULL CHECK (seq > 0),
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    actor       text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    command_id  text,
    PRIMARY KEY (meeting_id, seq)
);

-- Each client command id is applied once per meeting; a repeat is answered from here.
CREATE TABLE commands (
    meeting_id uuid   NOT NULL REFERENCES meetings (id),
    command_id text   NOT NULL,
    first_seq  bigint NOT NULL,
    last_seq   bigint NOT NULL,
    PRIMARY KEY (meeting_id, command_id)
);

CREATE FUNCTION refuse_change_to_record() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the meeting record is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_are_append_only
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();

CREATE TRIGGER commands_are_append_only
    BEFORE UPDATE OR DELETE ON commands
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
