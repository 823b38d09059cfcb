package vn.doithoai.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.doithoai.codec.IsoInstants;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.live.CatchUp;
import vn.doithoai.live.CommandResult;
import vn.doithoai.live.Published;
import vn.doithoai.live.Round;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.Visibility;
import vn.doithoai.store.StoredEvent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The server's side of the protocol (docs/protocol.md), as JSON text. An event is rendered once
 * per audience (staff, public, or the attendee who owns it) and reused for every screen.
 */
public final class Frames {

    public static final int VERSION = 1;
    /**
     * A display or phone gets a round of more events than this as one merged frame. One command
     * makes at most two events (the floor changes hands), so those still arrive one by one.
     */
    static final int BATCH_OVER = 2;
    private static final Visibility.Viewer PUBLIC = Visibility.Viewer.of(vn.doithoai.meeting.Actor.DISPLAY);
    private static final String STAFF = "staff";
    private static final String PUBLIC_AUDIENCE = "public";
    private static final String UTF8_STAFF = "utf8:" + STAFF;
    private static final String UTF8_PUBLIC = "utf8:" + PUBLIC_AUDIENCE;
    private static final String OWNERS = "owners";
    /** The door: the public view, and the invitations it checks in. */
    private static final String DOOR = "door";
    private static final String OWN = "own:";

    private Frames() {
    }

    /** Details of a meeting that every role may see on the welcome. */
    public record MeetingRef(UUID meetingId, UUID communeId, String joinCode, String joinUrl) {
    }

    /**
     * The commune's offices with their heads, for the chair's and the secretary's consoles to offer
     * as responders and as the office a conclusion assigns (free text stays possible).
     */
    static String offices(java.util.List<vn.doithoai.offices.Office> offices) {
        var list = Json.MAPPER.createArrayNode();
        for (var o : offices) {
            if (!o.retired()) {
                list.addObject().put("name", o.name()).put("headName", o.headName()).put("headTitle", o.headTitle());
            }
        }
        var frame = Json.object().put("type", "offices");
        frame.set("offices", list);
        return Json.write(frame);
    }

    /**
     * An event with the state patch it caused. Staff get everything; other screens get private
     * fields removed, and an attendee whose own registration is touched gets its own rendering.
     */
    public static String event(Published p, Visibility.Viewer viewer) {
        return event(p, viewer, audience(p, viewer));
    }

    private static String event(Published p, Visibility.Viewer viewer, String audience) {
        if (audience.equals(STAFF)) {
            return p.rendered(audience, () -> render(p, p.payload(), p.actor().label(), p.staffPatch()));
        }
        boolean own = audience.startsWith(OWN);
        return p.rendered(audience, () -> render(p,
                Visibility.hasPrivateData(p.event()) ? Json.write(Visibility.event(p.event(), viewer, own)) : p.payload(),
                p.actor().role().name().toLowerCase(), Json.write(p.patch().visibleTo(viewer).parts())));
    }

    /** The same, encoded once per audience for every socket that gets it. */
    static SharedText eventFrame(Published p, Visibility.Viewer viewer) {
        // Rendered first, outside the next computation: the memo's map must not be updated from
        // inside its own computeIfAbsent (ConcurrentHashMap forbids recursive updates).
        String audience = audience(p, viewer);
        String text = event(p, viewer, audience);
        return p.rendered(utf8Key(audience), () -> new SharedText(text));
    }

    /** The memo's key of an audience's bytes; the two common ones are constants, not a string made per screen. */
    private static String utf8Key(String audience) {
        if (audience.equals(STAFF)) {
            return UTF8_STAFF;
        }
        return audience.equals(PUBLIC_AUDIENCE) ? UTF8_PUBLIC : "utf8:" + audience;
    }

    /**
     * A large round for a display or a phone (not the door, which sees more): one frame with the merged patch and how many events
     * of each kind it holds, the same bytes for every such screen. Private data never goes in it; an attendee
     * whose own registrations are in the round gets them in an {@link #own} frame after it.
     */
    static SharedText batchFrame(Round round) {
        return round.rendered("batch", () -> new SharedText(batch(round)));
    }

    static String batch(Round round) {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        for (Published p : round.events()) {
            counts.merge(TypeNames.EVENTS.nameOf(p.event()), 1, Integer::sum);
        }
        Published last = round.events().get(round.events().size() - 1);
        return "{\"type\":\"events\",\"firstSeq\":" + round.firstSeq()
                + ",\"lastSeq\":" + round.lastSeq()
                + ",\"at\":\"" + IsoInstants.text(last.at()) + "\""
                + ",\"counts\":" + Json.write(counts)
                + ",\"patch\":" + Json.write(round.patch().visibleTo(PUBLIC).parts()) + "}";
    }

    /** An attendee's own registrations of a round, with what only it may see of them; null if none. */
    static String own(Round round, Visibility.Viewer viewer) {
        if (viewer.attendeeId() == null) {
            return null;
        }
        var mine = round.rendered("byAttendee", () -> round.patch().registrationsByAttendee()).get(viewer.attendeeId());
        if (mine == null) {
            return null;
        }
        return "{\"type\":\"own\",\"seq\":" + round.lastSeq() + ",\"patch\":"
                + Json.write(java.util.Map.of("registrations", mine)) + "}";
    }

    /** Who reads an event the same way: staff, the door, the public, or one attendee whose own registration it touches. */
    private static String audience(Published p, Visibility.Viewer viewer) {
        if (viewer.role().isStaff()) {
            return STAFF;
        }
        if (viewer.role().seesInvitations()) {
            return DOOR;
        }
        if (viewer.attendeeId() == null) {
            return PUBLIC_AUDIENCE;
        }
        return p.rendered(OWNERS, () -> ownersTouched(p)).contains(viewer.attendeeId())
                ? OWN + viewer.attendeeId() : PUBLIC_AUDIENCE;
    }

    /**
     * The attendees whose own registrations an event touches, found once per event: each of a
     * hall's phones then asks a set, instead of going through the event's patch itself.
     */
    private static Set<String> ownersTouched(Published p) {
        Set<String> owners = p.patch().registrationOwners();
        if (p.event() instanceof Event.SpeakerRegistered r && r.attendeeId() != null) {
            owners.add(r.attendeeId());
        }
        return owners;
    }

    private static String render(Published p, String data, String actor, String patch) {
        return render(new StringBuilder(128 + data.length() + patch.length()), p.seq(), p.at(), actor,
                TypeNames.EVENTS.nameOf(p.event()), data, patch).toString();
    }

    /** An event as a staff screen was sent it, from the log (the row keeps its staff patch), added to {@code into}. */
    static StringBuilder storedEvent(StringBuilder into, StoredEvent e) {
        return render(into, e.seq(), e.at(), e.actor(), e.type(), e.payload(), e.staffPatch());
    }

    private static StringBuilder render(StringBuilder into, long seq, Instant at, String actor, String name, String data,
                                        String patch) {
        return into.append("{\"type\":\"event\",\"seq\":").append(seq)
                .append(",\"at\":\"").append(IsoInstants.text(at))
                .append("\",\"actor\":\"").append(actor)
                .append("\",\"name\":\"").append(name)
                .append("\",\"data\":").append(data)
                .append(",\"patch\":").append(patch).append('}');
    }

    public static String welcome(MeetingRef meeting, Visibility.Viewer viewer, String attendeeKey,
                                 CatchUp catchUp, long serverTime) {
        var body = new StringBuilder(welcomeHead(meeting, viewer, attendeeKey, catchUp, serverTime));
        if (catchUp.isSnapshot()) {
            body.append(",\"catchUp\":\"snapshot\",\"snapshot\":")
                    .append(Json.write(Visibility.snapshot(catchUp.snapshot(), viewer)))
                    .append(",\"events\":[]");
        } else {
            body.append(",\"catchUp\":\"events\",\"snapshot\":null,\"events\":[");
            for (int i = 0; i < catchUp.events().size(); i++) {
                body.append(i == 0 ? "" : ",").append(event(catchUp.events().get(i), viewer));
            }
            body.append(']');
        }
        return body.append('}').toString();
    }

    /**
     * A staff screen's welcome with the state as stored (see {@link CatchUp#storedState}), put
     * together from its UTF-8 bytes: a long meeting's megabytes are neither decoded nor encoded
     * again. The events stored after it follow in {@code events}; the welcome's {@code seq} is the state's.
     */
    static SharedText welcomeWithStoredState(MeetingRef meeting, Visibility.Viewer viewer, String attendeeKey,
                                             CatchUp catchUp, long serverTime) {
        if (!viewer.role().isStaff()) {
            throw new IllegalStateException("the whole stored state is for staff screens only");
        }
        // Written into one builder: after a crash, hundreds of events, on a server that has compiled nothing yet.
        var events = new StringBuilder(512 * catchUp.storedAfter().size() + 16).append(",\"events\":[");
        for (int i = 0; i < catchUp.storedAfter().size(); i++) {
            storedEvent(i == 0 ? events : events.append(','), catchUp.storedAfter().get(i));
        }
        return SharedText.of(welcomeHead(meeting, viewer, attendeeKey, catchUp, serverTime)
                + ",\"catchUp\":\"snapshot\",\"snapshot\":", catchUp.storedState(), events.append("]}").toString());
    }

    /** The welcome's fields before the catch-up, without the closing brace. */
    private static String welcomeHead(MeetingRef meeting, Visibility.Viewer viewer, String attendeeKey,
                                      CatchUp catchUp, long serverTime) {
        var head = Json.object()
                .put("type", "welcome")
                .put("v", VERSION)
                .put("role", viewer.role().name())
                .put("meetingId", meeting.meetingId().toString())
                .put("joinCode", meeting.joinCode())
                .put("joinUrl", meeting.joinUrl())
                .put("serverTime", serverTime)
                .put("seq", catchUp.seq());
        if (attendeeKey != null) {
            head.put("attendeeKey", attendeeKey).put("attendeeId", viewer.attendeeId());
        }
        String json = Json.write(head);
        return json.substring(0, json.length() - 1);
    }

    public static String ack(String commandId, CommandResult result) {
        return Json.write(Json.object()
                .put("type", "ack")
                .put("id", commandId)
                .put("firstSeq", result.firstSeq())
                .put("lastSeq", result.lastSeq())
                .put("duplicate", result.duplicate()));
    }

    public static String error(String commandId, Problem problem) {
        ObjectNode frame = Json.object().put("type", "error").put("id", commandId).put("code", problem.code());
        frame.set("message", Json.tree(problem.message()));
        return Json.write(frame);
    }

    public static String time(long serverTime) {
        return "{\"type\":\"time\",\"serverTime\":" + serverTime + "}";
    }

    public static String pong(long clientTime, long serverTime) {
        return "{\"type\":\"pong\",\"t\":" + clientTime + ",\"serverTime\":" + serverTime + "}";
    }
}
