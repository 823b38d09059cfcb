package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.time.Instant;
import java.util.List;

/**
 * The rules of a meeting as two pure functions: {@link #decide} turns a command into events or a
 * refusal, {@link #apply} folds an event into the state. Everything else (time, storage,
 * sockets) is given to them or done around them.
 */
public final class MeetingRules {

    private MeetingRules() {
    }

    public static Decision decide(MeetingState state, Command command, Command.Context context) {
        if (!command.roles().contains(context.actor().role())) {
            return Decision.refuse(Refusal.WRONG_ROLE, "Vai trò của bạn không được thực hiện thao tác này",
                    "Your role may not do this");
        }
        if (state.setup() == null && !(command instanceof Command.CreateMeeting)) {
            return Decision.refuse(Refusal.NOT_FOUND, "Hội nghị chưa được tạo", "The meeting does not exist");
        }
        return command.decide(state, context);
    }

    public static MeetingState apply(MeetingState state, Event event, Instant at) {
        return event.apply(state, at);
    }

    /** An event as recorded: its place in the log and when it happened. */
    public record Recorded(long seq, Instant at, Event event) {
    }

    public static MeetingState replay(List<Recorded> events) {
        MeetingState state = MeetingState.NEW;
        for (Recorded r : events) {
            state = r.event().apply(state, r.at());
        }
        return state;
    }
}
