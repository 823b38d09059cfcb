package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Who is invited and who has come: the checks of the attendance commands. */
final class Attendance {

    private static final Fields.Name TITLE = new Fields.Name("Chức vụ", "Title");
    private static final Fields.Name KIND = new Fields.Name("Loại khách mời", "Kind of invitation");
    /** The shape of a personal code the server makes (access.Secrets); anything else was not made by it. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,12}");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(AutoMinutes.HALL_TIME);

    private Attendance() {
    }

    static Decision invite(MeetingState s, Invitation.Kind kind, String name, String title, String office,
                           String village, String code) {
        if (s.status() == MeetingStatus.CLOSED) {
            return Refusals.closed();
        }
        if (kind == null) {
            return Decision.refuse(Refusal.FIELD_MISSING, "Chưa chọn: " + KIND.vi(), "Missing: " + KIND.en());
        }
        boolean delegate = kind == Invitation.Kind.DELEGATE;
        String cleanName = Fields.line(name);
        String cleanTitle = delegate ? Fields.line(title) : null;
        String cleanOffice = delegate ? Fields.line(office) : null;
        String cleanVillage = Fields.line(village);
        Refusal problem = Fields.first(
                Fields.required(cleanName, Fields.F_NAME, Fields.NAME),
                Fields.optional(cleanTitle, TITLE, Fields.OFFICE),
                Fields.optional(cleanOffice, Fields.F_OFFICE, Fields.OFFICE),
                delegate ? Fields.optional(cleanVillage, Fields.F_VILLAGE, Fields.VILLAGE)
                        : Fields.required(cleanVillage, Fields.F_VILLAGE, Fields.VILLAGE));
        if (problem != null) {
            return Refusals.of(problem);
        }
        String cleanCode = Invitation.normalizeCode(code);
        if (!CODE.matcher(cleanCode).matches()) {
            return Decision.refuse(Refusal.FIELD_INVALID, "Mã cá nhân gồm 4 đến 12 chữ và số",
                    "A personal code has 4 to 12 letters and digits");
        }
        if (s.invitationByCode(cleanCode).isPresent()) {
            return Decision.refuse(Refusal.CODE_TAKEN, "Mã cá nhân " + cleanCode + " đã được dùng",
                    "The personal code " + cleanCode + " is taken");
        }
        int cap = s.setup().rules().invitesPerVillage();
        if (!delegate && cap > 0 && invitedFrom(s, cleanVillage) >= cap) {
            return Decision.refuse(Refusal.VILLAGE_CAP_REACHED,
                    cleanVillage + " đã mời đủ " + cap + " người",
                    cleanVillage + " has invited " + cap + " people already");
        }
        return Decision.accept(new Event.InvitationAdded(s.nextInvitationId(), kind, cleanName, cleanTitle,
                cleanOffice, cleanVillage, cleanCode));
    }

    static Decision remove(MeetingState s, int invitationId) {
        if (s.status() == MeetingStatus.CLOSED) {
            return Refusals.closed();
        }
        Invitation i = s.invitation(invitationId).filter(found -> !found.removed()).orElse(null);
        if (i == null) {
            return noInvitation(invitationId);
        }
        if (i.present()) {
            return Refusals.wrongState(i.name() + " đã điểm danh lúc " + CLOCK.format(i.checkedInAt())
                            + ": giấy mời được giữ trong biên bản",
                    i.name() + " checked in at " + CLOCK.format(i.checkedInAt()) + ": the invitation stays on the record");
        }
        return Decision.accept(new Event.InvitationRemoved(invitationId));
    }

    static Decision checkIn(MeetingState s, Command.Context c, String code, Integer invitationId) {
        if (s.status() == MeetingStatus.CLOSED) {
            return Refusals.closed();
        }
        if ((code == null || Invitation.normalizeCode(code).isEmpty()) == (invitationId == null)) {
            return Decision.refuse(Refusal.FIELD_MISSING, "Nhập mã cá nhân trên giấy mời",
                    "Type the personal code on the invitation");
        }
        Invitation i;
        if (invitationId == null) {
            String typed = Invitation.normalizeCode(code);
            i = s.invitationByCode(typed).orElse(null);
            if (i == null) {
                return Decision.refuse(Refusal.NOT_FOUND, "Không có giấy mời nào mang mã " + shown(typed)
                        + ". Xin kiểm tra lại mã.", "No invitation has the code " + shown(typed) + ". Please check the code.");
            }
        } else {
            i = s.invitation(invitationId).orElse(null);
            if (i == null) {
                return noInvitation(invitationId);
            }
        }
        if (i.removed()) {
            return Decision.refuse(Refusal.NOT_FOUND, "Giấy mời của " + i.name() + " đã được hủy",
                    "The invitation of " + i.name() + " was taken back");
        }
        if (i.present()) {
            return Decision.refuse(Refusal.ALREADY_CHECKED_IN,
                    i.name() + " đã điểm danh lúc " + CLOCK.format(i.checkedInAt()) + ". Xin cảm ơn!",
                    i.name() + " checked in already, at " + CLOCK.format(i.checkedInAt()) + ". Thank you!");
        }
        return Decision.accept(new Event.CheckedIn(i.id(), null, null, null, c.actor().role()));
    }

    static Decision walkIn(MeetingState s, Command.Context c, String name, String village) {
        if (s.status() == MeetingStatus.CLOSED) {
            return Refusals.closed();
        }
        String cleanName = Fields.line(name);
        String cleanVillage = Fields.line(village);
        Refusal problem = Fields.first(
                Fields.optional(cleanName, Fields.F_NAME, Fields.NAME),
                Fields.optional(cleanVillage, Fields.F_VILLAGE, Fields.VILLAGE));
        return problem != null ? Refusals.of(problem)
                : Decision.accept(new Event.CheckedIn(null, s.nextWalkInId(), cleanName, cleanVillage, c.actor().role()));
    }

    /** The people this village has invited and not taken back; villages compared as Vietnamese, any case. */
    private static int invitedFrom(MeetingState s, String village) {
        String key = Fields.storedKey(village);
        return (int) s.invitations().stream()
                .filter(i -> !i.removed() && i.kind() == Invitation.Kind.INVITEE && Fields.storedKey(i.village()).equals(key))
                .count();
    }

    private static Decision noInvitation(int id) {
        return Decision.refuse(Refusal.NOT_FOUND, "Không có giấy mời số " + id, "No invitation number " + id);
    }

    /** What someone typed, as a reply may repeat it: letters and digits, and not a page of them. */
    private static String shown(String typed) {
        String safe = typed.replaceAll("[^\\p{L}\\p{N}]", "");
        return safe.length() > 12 ? safe.substring(0, 12) + "…" : safe;
    }
}
