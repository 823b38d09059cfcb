package vn.doithoai.meeting;

import java.time.Instant;
import java.util.List;

/**
 * What the organiser sets before the meeting: what it is, when and where, who chairs, the
 * program and the speaking rules.
 */
public record Setup(MeetingKind kind, String title, String topic, String group, Instant scheduledAt,
                    String venue, List<String> chairs, String hostOffice, List<ProgramStep> steps,
                    SpeakingRules rules) {

    public Setup {
        chairs = chairs == null ? List.of() : List.copyOf(chairs);
        steps = steps == null || steps.isEmpty() ? ProgramStep.DIRECT_DIALOGUE : List.copyOf(steps);
        rules = rules == null ? SpeakingRules.DEFAULT : rules;
        kind = kind == null ? MeetingKind.PERIODIC : kind;
    }
}
