package vn.doithoai.plan;

import java.util.UUID;

/**
 * What the plan says of one dialogue: its kind, theme and the group it speaks with, the month,
 * who chairs, the office that prepares it (from the commune's directory, {@code hostOfficeId}
 * with its name as it was then, or a guest office by name only), the venue and a note.
 */
public record DialogueDetails(DialogueKind kind, String theme, String group, Integer month, String chair,
                              UUID hostOfficeId, String hostOffice, String venue, String note) {
}
