package vn.doithoai.petition;

import java.time.Instant;

/** Where a petition outside the commune's competence was transferred, and why or how. */
public record Referral(String to, String note, Instant at) {
}
