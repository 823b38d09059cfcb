package vn.doithoai.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A commune's plan of dialogues for one year, as it stands after {@code seq} events of its stream:
 * the target (null until set) and the planned dialogues in the order they were added.
 */
public record Plan(UUID communeId, int year, long seq, Target target, List<PlannedDialogue> dialogues) {

    public Plan {
        dialogues = List.copyOf(dialogues);
    }

    /** The plan before anything was decided: what a year nobody planned yet shows. */
    public static Plan empty(UUID communeId, int year) {
        return new Plan(communeId, year, 0, null, List.of());
    }

    /** The ledger stream of a commune's year: the same id every time, so the plan needs no row to be found. */
    public static UUID streamId(UUID communeId, int year) {
        return UUID.nameUUIDFromBytes(("plan:" + communeId + ":" + year).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<PlannedDialogue> dialogue(UUID id) {
        return dialogues.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
