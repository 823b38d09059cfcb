package vn.doithoai.followup;

import java.time.Instant;

/**
 * A citizen's word on what the conclusion gave: satisfied or not yet, with the reason when not.
 * One per petition the conclusion answered, named by its tracking code; the reason is for staff only.
 */
public record Rating(String petitionCode, boolean satisfied, String reason, Instant at) {
}
