package vn.doithoai.plan;

import java.util.Map;
import java.util.UUID;

/** What the commune's office asks of its yearly plan. */
public sealed interface PlanCommand {

    record SetTarget(Integer direct, Map<DialogueKind, Integer> byKind) implements PlanCommand {
    }

    record AddDialogue(UUID dialogueId, DialogueDetails details) implements PlanCommand {
    }

    record ChangeDialogue(UUID dialogueId, DialogueDetails details) implements PlanCommand {
    }

    /** It will not take place: kept in the plan with the reason. */
    record CancelDialogue(UUID dialogueId, String reason) implements PlanCommand {
    }

    /** The meeting created from this planned dialogue. */
    record LinkMeeting(UUID dialogueId, UUID meetingId) implements PlanCommand {
    }
}
