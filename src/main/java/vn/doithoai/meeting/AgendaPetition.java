package vn.doithoai.meeting;

/**
 * A petition the organiser put on the meeting's agenda, as the chair and the secretary need it
 * beside a speaker: where it comes from, its field, the office that answers it and the answer that
 * office prepared. Copied from the petition when the organiser saves the agenda (the meeting's
 * record says what the chair had in hand); the petition itself lives in its own log. Staff only:
 * the hall never sees it (see {@link Visibility}).
 *
 * @param preparedAnswer the office's draft, else the answer already given, else null
 */
public record AgendaPetition(java.util.UUID petitionId, String trackingCode, String village, String field,
                             String summary, String officeName, String preparedAnswer) {
}
