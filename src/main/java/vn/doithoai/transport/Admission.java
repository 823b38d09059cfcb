package vn.doithoai.transport;

import io.vertx.core.Future;
import vn.doithoai.access.Secrets;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Role;
import vn.doithoai.store.Directory;

import java.util.Optional;

/**
 * Who a hello is from: a role token opens the chair's, secretary's or display's seat; the join
 * code lets an attendee in, known by the key its phone keeps (a new one if it has none).
 */
public final class Admission {

    record Admitted(Frames.MeetingRef meeting, Actor actor, String attendeeKey) {
    }

    private final Directory directory;
    private final String publicUrl;
    private final java.util.Map<java.util.UUID, Frames.MeetingRef> refs = new java.util.concurrent.ConcurrentHashMap<>();

    public Admission(Directory directory, String publicUrl) {
        this.directory = directory;
        this.publicUrl = publicUrl;
    }

    /** Empty when the token or join code opens nothing. */
    Future<Optional<Admitted>> admit(String token, String joinCode, String attendeeKey) {
        if (token != null) {
            return directory.access(Secrets.hash(token)).map(access -> access.map(seat ->
                    new Admitted(ref(seat.meeting()), Actor.of(Role.valueOf(seat.role())), null)));
        }
        String code = Secrets.normalizeJoinCode(joinCode);
        if (!Secrets.isJoinCode(code)) {
            return Future.succeededFuture(Optional.empty());
        }
        return directory.meetingByJoinCode(code).map(row -> row.map(m -> {
            String key = Secrets.isAttendeeKey(attendeeKey) ? attendeeKey : Secrets.newToken();
            return new Admitted(ref(m), Actor.attendee(Secrets.attendeeId(key)), key);
        }));
    }

    /** One per meeting, shared by all its screens. */
    private Frames.MeetingRef ref(Directory.MeetingRow m) {
        return refs.computeIfAbsent(m.id(), id -> new Frames.MeetingRef(id, m.joinCode(), publicUrl + "/j/" + m.joinCode()));
    }
}
