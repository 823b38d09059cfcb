package vn.doithoai.petition;

import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.Instant;
import java.util.List;

/**
 * The rules of a petition as two pure functions: {@link #decide} turns a command into events or a
 * refusal, {@link #apply} folds an event into the petition. Time, storage and who may do what are
 * given to them or done around them.
 */
public final class PetitionRules {

    private PetitionRules() {
    }

    /**
     * @param petition null while the petition does not exist: then only {@link PetitionCommand.Receive} is heard
     * @param actor    who asks, as the store will record beside the events; the log of a public
     *                 record has no anonymous entries, so a command from nobody is refused
     */
    public static Ruling<PetitionEvent> decide(Petition petition, PetitionCommand command, String actor, Instant now) {
        if (actor == null || actor.isBlank()) {
            return Ruling.refuse(Refusal.WRONG_ROLE, "Chưa rõ ai thực hiện thao tác này",
                    "Nobody is named as doing this");
        }
        if (command instanceof PetitionCommand.Receive) {
            return petition == null ? command.decide(null, now)
                    : PetitionRefusals.wrongState("Kiến nghị đã được tiếp nhận",
                            "The petition has been received already");
        }
        if (petition == null) {
            return Ruling.refuse(Refusal.NOT_FOUND, "Không tìm thấy kiến nghị", "No such petition");
        }
        return command.decide(petition, now);
    }

    /** @param petition null before {@link PetitionEvent.Received} only */
    public static Petition apply(Petition petition, PetitionEvent event) {
        return event.apply(petition);
    }

    /** The petition its whole log describes; null for an empty log. */
    public static Petition replay(List<PetitionEvent> events) {
        Petition petition = null;
        for (PetitionEvent event : events) {
            petition = event.apply(petition);
        }
        return petition;
    }
}
