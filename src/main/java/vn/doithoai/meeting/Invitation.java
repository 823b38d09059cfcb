package vn.doithoai.meeting;

import java.time.Instant;
import java.util.Locale;

/**
 * Someone invited to the meeting: a delegate (an official, with title and office) or a person a
 * village invites (plan 004 II.2.1). The personal code on the printed invitation is what the door
 * types or scans. Only staff and the door see invitations (see {@link Visibility}); the hall sees
 * the head count alone.
 *
 * @param removed       the organiser took the invitation back; it stays in the record
 * @param checkedInAt   when the person was checked in, or null
 * @param checkedInBy   where: at the door or at the secretary's desk
 */
public record Invitation(int id, Kind kind, String name, String title, String office, String village,
                         String code, boolean removed, Instant checkedInAt, Role checkedInBy) {

    public enum Kind { DELEGATE, INVITEE }

    public boolean present() {
        return checkedInAt != null;
    }

    Invitation withRemoved() {
        return new Invitation(id, kind, name, title, office, village, code, true, checkedInAt, checkedInBy);
    }

    Invitation checkedIn(Instant at, Role by) {
        return new Invitation(id, kind, name, title, office, village, code, removed, at, by);
    }

    /** A code as typed or scanned: any case, spaces and dashes ignored ("abc-de" is "ABCDE"). */
    static String normalizeCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
