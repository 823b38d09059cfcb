package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

import java.time.Instant;
import java.util.ArrayList;

/** Calling someone to the floor and ending a turn, shared by several commands. */
final class Turns {

    private Turns() {
    }

    /**
     * Calls a waiting registration; whoever holds the floor steps down first. Without seconds from
     * the chair, the speaker gets the time asked for at registration when it is less than the
     * rules' slot (the organiser may have shortened the slot since), else the slot.
     */
    static Decision call(MeetingState s, Command.Context c, int registrationId, Integer seconds) {
        var events = new ArrayList<Event>();
        if (s.hasActiveTurn()) {
            events.add(end(s.floor(), c.now(), null, null));
        }
        long allowed = 1000L * (seconds != null ? seconds : slotFor(s, s.registrations().get(registrationId)));
        events.add(new Event.SpeakerCalled(s.nextTurnId(), registrationId, allowed));
        return Decision.accept(events);
    }

    private static long slotFor(MeetingState s, Registration r) {
        long slot = s.setup().rules().slotSeconds();
        return r.minutesAsked() == null ? slot : Math.min(slot, r.minutesAsked() * 60L);
    }

    static Event.TurnEnded end(Turn t, Instant now, RefusalGround ground, String text) {
        long spoken = t.spokenUntil(now);
        return new Event.TurnEnded(t.id(), spoken, Math.max(0, spoken - t.allowedMs()), ground, text);
    }

    static Refusal reasonProblem(RefusalGround ground, String reason) {
        if (ground == null || (ground == RefusalGround.OTHER && reason == null)) {
            return new Refusal(Refusal.FIELD_MISSING, "Chọn lý do hoặc ghi lý do khác",
                    "Pick a ground or write another reason");
        }
        return Fields.optional(reason, Fields.F_REASON, Fields.REASON);
    }

    static Refusal secondsProblem(Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > 3600)) {
            return new Refusal(Refusal.FIELD_INVALID, "Số giây phải từ 1 đến 3600",
                    "Seconds must be between 1 and 3600");
        }
        return null;
    }
}
