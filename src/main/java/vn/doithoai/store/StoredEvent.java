package vn.doithoai.store;

import java.time.Instant;

/** One row of the event log, payload as stored JSON text. */
public record StoredEvent(long seq, String type, String payload, String actor, Instant at, String commandId) {
}
