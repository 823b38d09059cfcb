package vn.doithoai.plan;

import java.util.UUID;

/**
 * One dialogue of the plan as it stands: its details, the meeting set up from it (if any) and, when
 * it was cancelled, why. A cancelled dialogue stays in the plan and in the record.
 */
public record PlannedDialogue(UUID id, int position, DialogueKind kind, String theme, String group, int month,
                              String chair, UUID hostOfficeId, String hostOffice, String venue, String note,
                              UUID meetingId, String cancelReason) {

    static PlannedDialogue of(UUID id, int position, DialogueDetails d) {
        return new PlannedDialogue(id, position, d.kind(), d.theme(), d.group(), d.month(), d.chair(), d.hostOfficeId(),
                d.hostOffice(), d.venue(), d.note(), null, null);
    }

    public boolean cancelled() {
        return cancelReason != null;
    }

    public boolean setUp() {
        return meetingId != null;
    }

    public DialogueDetails details() {
        return new DialogueDetails(kind, theme, group, month, chair, hostOfficeId, hostOffice, venue, note);
    }

    PlannedDialogue with(DialogueDetails d) {
        return new PlannedDialogue(id, position, d.kind(), d.theme(), d.group(), d.month(), d.chair(), d.hostOfficeId(),
                d.hostOffice(), d.venue(), d.note(), meetingId, cancelReason);
    }

    PlannedDialogue linkedTo(UUID meeting) {
        return new PlannedDialogue(id, position, kind, theme, group, month, chair, hostOfficeId, hostOffice, venue, note,
                meeting, cancelReason);
    }

    PlannedDialogue cancelledFor(String reason) {
        return new PlannedDialogue(id, position, kind, theme, group, month, chair, hostOfficeId, hostOffice, venue, note,
                meetingId, reason);
    }
}
