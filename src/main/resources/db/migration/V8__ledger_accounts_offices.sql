-- The record of everything beside the live meetings: accounts, offices, yearly plans, petitions.
-- One append-only log of streams (an account, an office, a petition, a commune's plan for a year),
-- numbered without gaps per stream; the primary key makes a second writer with the same expected
-- sequence fail. The tables after it are read models kept in the same transaction as the append.
CREATE TABLE ledger (
    stream_id   uuid        NOT NULL,
    seq         bigint      NOT NULL CHECK (seq > 0),
    stream_kind text        NOT NULL,
    commune_id  uuid        REFERENCES communes (id),
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    actor       text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (stream_id, seq)
);
CREATE INDEX ledger_by_commune ON ledger (commune_id, stream_kind, occurred_at);

CREATE TRIGGER ledger_is_append_only
    BEFORE UPDATE OR DELETE ON ledger
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();

CREATE TRIGGER ledger_is_never_truncated
    BEFORE TRUNCATE ON ledger
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_record();

-- Offices of a commune (Văn phòng HĐND-UBND, Công an xã, ...), each with its head.
CREATE TABLE offices (
    id          uuid        PRIMARY KEY,
    commune_id  uuid        NOT NULL REFERENCES communes (id),
    seq         bigint      NOT NULL,
    name        text        NOT NULL,
    head_name   text,
    head_title  text,
    position    integer     NOT NULL,
    retired_at  timestamptz
);
CREATE INDEX offices_by_commune ON offices (commune_id, position);

-- Named accounts. commune_id NULL: every commune (the district or province level).
CREATE TABLE accounts (
    id           uuid        PRIMARY KEY,
    seq          bigint      NOT NULL,
    login        text        NOT NULL,
    login_key    text        NOT NULL UNIQUE,
    display_name text        NOT NULL,
    role         text        NOT NULL,
    commune_id   uuid        REFERENCES communes (id),
    office_id    uuid        REFERENCES offices (id),
    disabled_at  timestamptz,
    created_at   timestamptz NOT NULL
);
CREATE INDEX accounts_by_commune ON accounts (commune_id);

-- A credential, not the record: the ledger says when a password changed, never the hash.
CREATE TABLE account_passwords (
    account_id    uuid        PRIMARY KEY REFERENCES accounts (id),
    password_hash text        NOT NULL,
    set_at        timestamptz NOT NULL
);

-- Signed-in browsers: only a hash of each session token is kept.
CREATE TABLE sessions (
    token_hash   text        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX sessions_by_account ON sessions (account_id) WHERE ended_at IS NULL;
