package vn.doithoai.followup;

import vn.doithoai.meeting.Outcome;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules of a conclusion after its meeting as two pure functions: {@link #decide} turns a
 * command into events or a refusal, {@link #apply} folds an event into the follow-up. Time, storage,
 * the office directory and who may do what are given to them or done around them.
 */
public final class FollowUpRules {

    private FollowUpRules() {
    }

    /**
     * Where a conclusion starts. One assigned to an office, or forwarded upward, is work still to
     * do (a forwarding is a letter the named office must send, then reports as transferred), so it
     * starts assigned. One answered or explained at the meeting asked nothing more of anyone: it
     * starts done, on the day of the meeting, so it never fills an office's list nor counts as
     * overdue, and still has its follow-up for the citizens' ratings, the Front and the reports.
     */
    public static FollowUpStatus startsAs(Outcome outcome) {
        return outcome == Outcome.ASSIGNED || outcome == Outcome.FORWARDED ? FollowUpStatus.ASSIGNED : FollowUpStatus.DONE;
    }

    /**
     * @param f     null while the follow-up does not exist: then only {@link FollowUpCommand.Open} is heard
     * @param actor who asks, as the store will record beside the events; a command from nobody is refused
     */
    public static Ruling<FollowUpEvent> decide(FollowUp f, FollowUpCommand command, String actor, Instant now) {
        if (actor == null || actor.isBlank()) {
            return Ruling.refuse(Refusal.WRONG_ROLE, "Chưa rõ ai thực hiện thao tác này", "Nobody is named as doing this");
        }
        if (command instanceof FollowUpCommand.Open) {
            return f == null ? command.decide(null, now)
                    : FollowUpRefusals.wrongState("Kết luận đã được theo dõi", "The conclusion is followed already");
        }
        if (f == null) {
            return Ruling.refuse(Refusal.NOT_FOUND, "Không tìm thấy kết luận", "No such conclusion");
        }
        return command.decide(f, now);
    }

    /** @param f null before {@link FollowUpEvent.Opened} only */
    public static FollowUp apply(FollowUp f, FollowUpEvent event) {
        return event.apply(f);
    }

    /** The follow-up its whole stream describes; null for an empty one. */
    public static FollowUp replay(List<FollowUpEvent> events) {
        FollowUp f = null;
        for (FollowUpEvent event : events) {
            f = event.apply(f);
        }
        return f;
    }

    /** The day it is in Vietnam at {@code now}. */
    public static LocalDate today(Instant now) {
        return now.atZone(FollowUp.ZONE).toLocalDate();
    }

    static LocalDate dayOr(LocalDate on, Instant now) {
        return on != null ? on : today(now);
    }
}
