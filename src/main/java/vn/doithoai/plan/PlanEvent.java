package vn.doithoai.plan;

import java.util.UUID;

/** What happened to a commune's plan for a year, appended to its stream in the ledger. */
public sealed interface PlanEvent {

    record TargetSet(Target target) implements PlanEvent {
    }

    record DialoguePlanned(UUID dialogueId, DialogueDetails details) implements PlanEvent {
    }

    record DialogueChanged(UUID dialogueId, DialogueDetails details) implements PlanEvent {
    }

    record DialogueCancelled(UUID dialogueId, String reason) implements PlanEvent {
    }

    record MeetingLinked(UUID dialogueId, UUID meetingId) implements PlanEvent {
    }
}
