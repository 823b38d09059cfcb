package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import java.time.Instant;

/**
 * A request to speak. {@code phone} and {@code note} are private: only staff and, for the phone,
 * the registering attendee ever see them (see {@link Visibility}).
 *
 * @param minutesAsked the speaking time asked for (plan 004 II.3.3: people speak "for the time they
 *                     registered"), within the rules' slot; null: the slot
 * @param petitionCode the tracking code of the petition the speaker raises ({@code KN-XXXX-XXXX}),
 *                     or null; like the phone, seen by staff and by the phone that registered only
 */
public record Registration(int id, String name, String village, String group, String topic,
                           String summary, String phone, String note, Source source,
                           String attendeeId, Status status, Instant registeredAt,
                           String refusalGround, String refusalText, Integer minutesAsked,
                           String petitionCode) {

    public enum Source { PHONE, DESK }

    public enum Status {
        WAITING, ON_FLOOR, SPOKEN, ABSENT, STOPPED, WITHDRAWN, REFUSED;

        /** Counts against the village cap: everything but a withdrawn or refused request. */
        boolean holdsAPlace() {
            return this != WITHDRAWN && this != REFUSED;
        }
    }

    Registration withStatus(Status newStatus) {
        return new Registration(id, name, village, group, topic, summary, phone, note, source,
                attendeeId, newStatus, registeredAt, refusalGround, refusalText, minutesAsked, petitionCode);
    }

    Registration refused(String ground, String text) {
        return new Registration(id, name, village, group, topic, summary, phone, note, source,
                attendeeId, Status.REFUSED, registeredAt, ground, text, minutesAsked, petitionCode);
    }

    Registration edited(String newTopic, String newSummary, String newNote) {
        return new Registration(id, name, village, group, newTopic, newSummary, phone, newNote,
                source, attendeeId, status, registeredAt, refusalGround, refusalText, minutesAsked, petitionCode);
    }

    Registration linked(String code) {
        return new Registration(id, name, village, group, topic, summary, phone, note, source,
                attendeeId, status, registeredAt, refusalGround, refusalText, minutesAsked, code);
    }

    /** As the attendee who registered it sees it: everything but the secretary's note. */
    Registration withoutNote() {
        return new Registration(id, name, village, group, topic, summary, phone, null, source,
                attendeeId, status, registeredAt, refusalGround, refusalText, minutesAsked, petitionCode);
    }

    /** The same person across registrations: the phone that sent them, or name and village. */
    String personKey() {
        return attendeeId != null ? "a:" + attendeeId : "n:" + Fields.storedKey(name) + "|" + Fields.storedKey(village);
    }
}
