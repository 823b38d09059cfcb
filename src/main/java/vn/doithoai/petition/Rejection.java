package vn.doithoai.petition;

import java.time.Instant;

/** Why the commune will not settle a petition (for one, a case already finally decided). */
public record Rejection(String ground, Instant at) {
}
