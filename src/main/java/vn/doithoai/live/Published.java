package vn.doithoai.live;

import vn.doithoai.codec.Json;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.StatePatch;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * An event that is durably in the log and may now be shown. The transport renders it once per
 * audience and keeps the rendering here, so a thousand screens cost one serialisation. Screens on
 * different event loops read it at once, hence the concurrent map.
 */
public final class Published {

    private final long seq;
    private final Instant at;
    private final Actor actor;
    private final Event event;
    private final String payload;
    private final StatePatch patch;
    private final String staffPatch;
    private final Renderings renderings = new Renderings();

    Published(long seq, Instant at, Actor actor, Event event, String payload, StatePatch patch, String staffPatch) {
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.event = event;
        this.payload = payload;
        this.patch = patch;
        this.staffPatch = staffPatch;
    }

    public long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public Actor actor() {
        return actor;
    }

    public Event event() {
        return event;
    }

    /** The event's JSON as stored in the log (everything, private data included). */
    public String payload() {
        return payload;
    }

    /** What the event changed in the state, for screens that apply it without the rules. */
    public StatePatch patch() {
        return patch;
    }

    /**
     * The patch as staff screens get it (JSON): as it was stored with the event, or, for an event
     * stored before those were kept, written now.
     */
    public String staffPatch() {
        return staffPatch != null ? staffPatch : staffPatchJson(patch);
    }

    /** What staff screens are sent as an event's patch: written once, when the event is decided, and stored with it. */
    static String staffPatchJson(StatePatch patch) {
        return Json.write(patch.forStaff().parts());
    }

    /** The rendering kept under {@code key}, made on first use. */
    public <T> T rendered(String key, Supplier<T> render) {
        return renderings.get(key, render);
    }

    /** Once the screens have been sent the event: see {@link MeetingOwner} (the round before). */
    void forgetRenderings() {
        renderings.forget();
    }
}
