package vn.doithoai.store;

import java.time.Instant;

/** What the meetings table keeps of a meeting for listings and for recovery at start. */
public record MeetingSummary(String status, String title, Instant scheduledAt, Instant closedAt) {
}
