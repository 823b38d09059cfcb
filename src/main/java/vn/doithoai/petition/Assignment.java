package vn.doithoai.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The office that settles a petition and by when. The office id is null for a body outside the
 * commune's list (an upper-level office, a guest at a meeting): then its name is all there is.
 */
public record Assignment(UUID officeId, String officeName, LocalDate dueDate, Instant at) {
}
