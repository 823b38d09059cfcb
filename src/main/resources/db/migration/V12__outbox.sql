-- Messages to citizens (a petition's status changed), written in the same transaction as what they
-- announce, and sent afterwards: a mail server that is down delays a message, never loses it.
-- Not the record (the ledger is): a row is marked sent, or rescheduled after a failed try.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    about           text        NOT NULL,
    to_address      text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
