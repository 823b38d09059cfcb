package vn.doithoai.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one event changed in the state, as the parts a screen replaces: whole fields for the small
 * ones, and for the collections only the entries that changed (registrations by id; turns,
 * minutes and conclusions by position). Screens apply patches and never re-implement the rules.
 * States are immutable, so an unchanged part is the same object and the diff is cheap.
 *
 * @param hallMinutes the lines of the minutes the hall may see that changed, by their position in
 *                    the hall's own list ({@link Visibility#hallMinutes}); empty when none did. It
 *                    takes the place of {@code minutes} in what the hall's screens are sent.
 */
public record StatePatch(Map<String, Object> parts, Map<Integer, MinuteEntry> hallMinutes) {

    private static final String INVITATIONS = "invitations";
    private static final String WALK_INS = "walkIns";
    private static final String AGENDA = "agenda";
    private static final String CONCLUSIONS = "conclusions";
    private static final String MINUTES = "minutes";
    /** Staff only: the hall's state (PublicState) does not hold the minutes' sign-off. */
    private static final String MINUTES_SIGN_OFF = "minutesSignOff";

    public StatePatch {
        parts = java.util.Collections.unmodifiableMap(parts);
        hallMinutes = hallMinutes == null ? Map.of() : java.util.Collections.unmodifiableMap(hallMinutes);
    }

    public StatePatch(Map<String, Object> parts) {
        this(parts, Map.of());
    }

    public static StatePatch between(MeetingState before, MeetingState after) {
        var parts = new LinkedHashMap<String, Object>();
        field(parts, "setup", before.setup(), after.setup());
        field(parts, "status", before.status(), after.status());
        field(parts, "stepIndex", before.stepIndex(), after.stepIndex());
        field(parts, "listOpen", before.listOpen(), after.listOpen());
        queue(parts, before.queue(), after.queue());
        if (before.queue() != after.queue() || before.registrations() != after.registrations()) {
            field(parts, "next", NextSpeaker.of(before), NextSpeaker.of(after));
        }
        field(parts, "floor", before.floor(), after.floor());
        field(parts, "startedAt", before.startedAt(), after.startedAt());
        field(parts, "closedAt", before.closedAt(), after.closedAt());
        var registrations = new LinkedHashMap<Integer, Registration>();
        for (Registration r : ((RegistrationTable) after.registrations()).changedSince((RegistrationTable) before.registrations())) {
            registrations.put(r.id(), r);
        }
        if (!registrations.isEmpty()) {
            parts.put("registrations", registrations);
        }
        list(parts, "turns", before.turns(), after.turns());
        list(parts, MINUTES, before.minutes(), after.minutes());
        list(parts, CONCLUSIONS, before.conclusions(), after.conclusions());
        list(parts, INVITATIONS, before.invitations(), after.invitations());
        list(parts, WALK_INS, before.walkIns(), after.walkIns());
        field(parts, "headCount", before.headCount(), after.headCount());
        field(parts, AGENDA, before.agenda(), after.agenda());
        field(parts, "noticePublishedAt", before.noticePublishedAt(), after.noticePublishedAt());
        field(parts, MINUTES_SIGN_OFF, before.minutesSignOff(), after.minutesSignOff());
        return new StatePatch(parts, Visibility.hallMinutesMayDiffer(before, after)
                ? changed(Visibility.hallMinutes(before), Visibility.hallMinutes(after)) : Map.of());
    }

    /**
     * What a run of events changed together: {@code between(before, after)}, but with the queue's
     * changes said in few bytes, so a round of a thousand registrations does not resend a queue
     * of a thousand: {@code queueAppend} (ids added at the end) when that is all that happened,
     * otherwise the list of single joins and leaves ({@code queueOps}) when that is what they were.
     */
    public static StatePatch ofRound(MeetingState before, MeetingState after, List<StatePatch> eachEvent) {
        StatePatch whole = between(before, after);
        if (!whole.parts.containsKey("queue") && !whole.parts.containsKey("queueInsert") && !whole.parts.containsKey("queueRemove")) {
            return whole;
        }
        var parts = new LinkedHashMap<>(whole.parts);
        parts.remove("queue");
        parts.remove("queueInsert");
        parts.remove("queueRemove");
        List<Integer> was = before.queue();
        List<Integer> now = after.queue();
        if (now.size() > was.size() && firstDifference(was, now) == was.size()) {
            parts.put("queueAppend", now.subList(was.size(), now.size()));
            return new StatePatch(parts, whole.hallMinutes);
        }
        var ops = new java.util.ArrayList<Object>();
        for (StatePatch p : eachEvent) {
            if (p.parts.containsKey("queue")) {
                return whole; // a reordering: the whole queue says it best
            }
            if (p.parts.containsKey("queueInsert")) {
                ops.add(p.parts.get("queueInsert"));
            }
            if (p.parts.containsKey("queueRemove")) {
                ops.add(Map.of("remove", p.parts.get("queueRemove")));
            }
        }
        parts.put("queueOps", ops);
        return new StatePatch(parts, whole.hallMinutes);
    }

    @SuppressWarnings("unchecked")
    public Map<Integer, Registration> registrations() {
        return (Map<Integer, Registration>) parts.getOrDefault("registrations", Map.of());
    }

    /** The attendees who made any of the changed registrations from their phones. */
    public java.util.Set<String> registrationOwners() {
        var owners = new java.util.HashSet<String>();
        for (Registration r : registrations().values()) {
            if (r.attendeeId() != null) {
                owners.add(r.attendeeId());
            }
        }
        return owners;
    }

    /**
     * The changed registrations made from phones, by the attendee who made them, as it may see
     * them: computed once per round, so each of two thousand phones finds its own at once.
     */
    public Map<String, Map<Integer, Registration>> registrationsByAttendee() {
        var byAttendee = new java.util.HashMap<String, Map<Integer, Registration>>();
        for (Registration r : registrations().values()) {
            if (r.attendeeId() != null) {
                byAttendee.computeIfAbsent(r.attendeeId(), a -> new LinkedHashMap<>()).put(r.id(), r.withoutNote());
            }
        }
        return byAttendee;
    }

    /**
     * The same patch as {@code viewer} may see it. Staff hold every registration and need no
     * {@code next}; a display or a phone gets {@code next}, of the registrations only the viewer's
     * own, and of attendance only the head count; the door keeps the invitations and walk-ins.
     * Nobody but staff gets the agenda, nor the petitions' codes on the conclusions; of the minutes
     * the hall gets its own lines, by their places in its list (see {@link Visibility}).
     */
    public StatePatch visibleTo(Visibility.Viewer viewer) {
        if (viewer.role().isStaff()) {
            return forStaff();
        }
        if (parts.containsKey(MINUTES_SIGN_OFF)) {
            return without(MINUTES_SIGN_OFF).visibleTo(viewer);
        }
        boolean hidesAttendance = !viewer.role().seesInvitations()
                && (parts.containsKey(INVITATIONS) || parts.containsKey(WALK_INS));
        boolean hidesPetitions = parts.containsKey(AGENDA) || conclusionsNamePetitions();
        boolean minutes = parts.containsKey(MINUTES) || !hallMinutes.isEmpty();
        if (registrations().isEmpty() && !hidesAttendance && !hidesPetitions && !minutes) {
            return this;
        }
        var copy = new LinkedHashMap<>(parts);
        if (minutes) {
            copy.remove(MINUTES);
            if (!hallMinutes.isEmpty()) {
                copy.put(MINUTES, hallMinutes);
            }
        }
        if (hidesAttendance) {
            copy.remove(INVITATIONS);
            copy.remove(WALK_INS);
        }
        if (hidesPetitions) {
            copy.remove(AGENDA);
            copy.computeIfPresent(CONCLUSIONS, (key, changed) -> withoutPetitionCodes(changed));
        }
        if (!registrations().isEmpty()) {
            var mine = Visibility.own(registrations(), viewer);
            if (mine.isEmpty()) {
                copy.remove("registrations");
            } else {
                copy.put("registrations", mine);
            }
        }
        return new StatePatch(copy);
    }

    @SuppressWarnings("unchecked")
    private boolean conclusionsNamePetitions() {
        var changed = (Map<Integer, Conclusion>) parts.get(CONCLUSIONS);
        return changed != null && changed.values().stream().anyMatch(c -> !c.petitionCodes().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Object withoutPetitionCodes(Object changed) {
        var hall = new LinkedHashMap<Integer, Conclusion>();
        ((Map<Integer, Conclusion>) changed).forEach((at, c) -> hall.put(at, c.withoutPetitionCodes()));
        return hall;
    }

    /** As a chair or secretary gets it: everything but {@code next} (staff hold every registration). */
    public StatePatch forStaff() {
        return parts.containsKey("next") ? without("next") : this;
    }

    private StatePatch without(String part) {
        var copy = new LinkedHashMap<>(parts);
        copy.remove(part);
        return new StatePatch(copy, hallMinutes);
    }

    /**
     * One registration joining or leaving the queue is said in a few bytes, not as the whole
     * queue: with two thousand people registering, every screen would otherwise receive the
     * whole queue two thousand times.
     */
    private static void queue(Map<String, Object> parts, List<Integer> before, List<Integer> after) {
        if (before == after) {
            return;
        }
        if (after.size() == before.size() + 1) {
            int at = firstDifference(before, after);
            if (sameFrom(after, at + 1, before, at)) {
                parts.put("queueInsert", Map.of("id", after.get(at), "at", at));
                return;
            }
        } else if (after.size() == before.size() - 1) {
            int at = firstDifference(after, before);
            if (sameFrom(before, at + 1, after, at)) {
                parts.put("queueRemove", before.get(at));
                return;
            }
        } else if (after.size() == before.size() && firstDifference(before, after) == before.size()) {
            return;
        }
        parts.put("queue", after);
    }

    /**
     * The first index where the shorter list differs from the longer one (its size if a prefix).
     * The ids that did not move are the same objects in both lists, so identity settles most
     * comparisons without reading the numbers: a queue of two thousand is compared per event.
     */
    private static int firstDifference(List<Integer> shorter, List<Integer> longer) {
        int i = 0;
        while (i < shorter.size() && same(shorter.get(i), longer.get(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code a} from {@code ai} holds the same ids as {@code b} from {@code bi}, to their ends. */
    private static boolean sameFrom(List<Integer> a, int ai, List<Integer> b, int bi) {
        if (a.size() - ai != b.size() - bi) {
            return false;
        }
        for (int i = 0; ai + i < a.size(); i++) {
            if (!same(a.get(ai + i), b.get(bi + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Integer a, Integer b) {
        return a == b || a.equals(b);
    }

    private static void field(Map<String, Object> parts, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            parts.put(name, after);
        }
    }

    private static <T> void list(Map<String, Object> parts, String name, List<T> before, List<T> after) {
        Map<Integer, T> changed = changed(before, after);
        if (!changed.isEmpty()) {
            parts.put(name, changed);
        }
    }

    /** The entries of {@code after} that are new or not the same object as before, by position. */
    private static <T> Map<Integer, T> changed(List<T> before, List<T> after) {
        var changed = new LinkedHashMap<Integer, T>();
        for (int i = 0; i < after.size(); i++) {
            if (i >= before.size() || before.get(i) != after.get(i)) {
                changed.put(i, after.get(i));
            }
        }
        return changed;
    }
}
