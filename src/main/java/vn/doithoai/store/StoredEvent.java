package vn.doithoai.store;

import java.time.Instant;

/**
 * One row of the event log, payload as stored JSON text; {@code staffPatch} is the state patch
 * staff screens were sent for it (JSON), null for events stored before it was kept.
 */
public record StoredEvent(long seq, String type, String payload, String actor, Instant at, String commandId,
                          String staffPatch) {
}
