package vn.doithoai.petition;

import java.time.Instant;

/** The answer the office has written, not yet given: internal, never shown to the public. */
public record Draft(String text, Instant at) {
}
