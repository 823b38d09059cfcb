package vn.doithoai.transport;

import io.vertx.core.Future;
import vn.doithoai.access.Secrets;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Role;
import vn.doithoai.offices.Office;
import vn.doithoai.store.Directory;
import vn.doithoai.store.OfficeStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Who a hello is from: a role token opens the chair's, secretary's or display's seat; the join
 * code lets an attendee in, known by the key its phone keeps (a new one if it has none). A week
 * after a meeting's close its code lets no new attendee in (a code printed on paper lives on); a
 * phone that took part still comes back to see what became of its registrations.
 */
public final class Admission {

    record Admitted(Frames.MeetingRef meeting, Actor actor, String attendeeKey) {
    }

    static final Duration NEW_JOINS_AFTER_CLOSE = Duration.ofDays(7);

    private final Directory directory;
    private final String publicUrl;
    private final Clock clock;
    private final OfficeStore offices;
    private final java.util.Map<java.util.UUID, Frames.MeetingRef> refs = new java.util.concurrent.ConcurrentHashMap<>();

    public Admission(Directory directory, OfficeStore offices, String publicUrl, Clock clock) {
        this.directory = directory;
        this.offices = offices;
        this.publicUrl = publicUrl;
        this.clock = clock;
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
        boolean returning = Secrets.isAttendeeKey(attendeeKey);
        return directory.meetingByJoinCode(code).map(row -> row.filter(m -> returning || !closedLongAgo(m)).map(m -> {
            String key = returning ? attendeeKey : Secrets.newToken();
            return new Admitted(ref(m), Actor.attendee(Secrets.attendeeId(key)), key);
        }));
    }

    /** The offices of the meeting's commune, for the consoles of those who name responders and conclusions' offices. */
    Future<java.util.List<Office>> officesOf(Frames.MeetingRef meeting) {
        return offices.of(meeting.communeId());
    }

    private boolean closedLongAgo(Directory.MeetingRow m) {
        return m.closedAt() != null && m.closedAt().plus(NEW_JOINS_AFTER_CLOSE).isBefore(clock.instant());
    }

    /** One per meeting, shared by all its screens. */
    private Frames.MeetingRef ref(Directory.MeetingRow m) {
        return refs.computeIfAbsent(m.id(), id -> new Frames.MeetingRef(id, m.communeId(), m.joinCode(), publicUrl + "/j/" + m.joinCode()));
    }
}
