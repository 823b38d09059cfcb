-- The row triggers of V1 refuse UPDATE and DELETE, but TRUNCATE fires no row trigger: it emptied
-- the record in one statement. A statement trigger refuses it for the record's tables. (Snapshots
-- are a cache of the record, not the record: emptying them only makes the next start replay.)
CREATE TRIGGER events_are_never_truncated
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_record();

CREATE TRIGGER commands_are_never_truncated
    BEFORE TRUNCATE ON commands
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_record();
