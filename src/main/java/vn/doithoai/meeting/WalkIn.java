package vn.doithoai.meeting;

import java.time.Instant;

/** Someone who came without an invitation and was counted; name and village only if they gave them. */
public record WalkIn(int id, String name, String village, Instant at, Role by) {
}
