package vn.doithoai.documents;

import vn.doithoai.meeting.Conclusion;
import vn.doithoai.meeting.HeadCount;
import vn.doithoai.meeting.Invitation;
import vn.doithoai.meeting.MeetingKind;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MinuteEntry;
import vn.doithoai.meeting.MinutesSignOff;
import vn.doithoai.meeting.ProgramStep;
import vn.doithoai.meeting.RefusalGround;
import vn.doithoai.meeting.Registration;
import vn.doithoai.meeting.Role;
import vn.doithoai.meeting.Setup;
import vn.doithoai.meeting.Turn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The minutes as the meeting's record tells them: read from the state the rules rebuilt, never typed
 * again. Pure: the commune's name and the chain's head at the close are given by the caller.
 */
public final class MinutesOfMeeting {

    /** Commune meetings are held in Vietnam: the minutes give the hall's time. */
    static final ZoneId HALL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(HALL_TIME);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH 'giờ' mm").withZone(HALL_TIME);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String NOT_SPOKEN = "—";

    private MinutesOfMeeting() {
    }

    /**
     * @param communeName e.g. "Xã Ia Băng" or "Ia Băng"
     * @param headAtClose the hash of the MeetingClosed event in the record's chain, or null before the close
     */
    public static Minutes from(MeetingState s, String communeName, String headAtClose) {
        Setup setup = s.setup();
        String place = communeName == null ? "" : communeName.strip().replaceFirst("(?iu)^xã\\s+", "");
        Instant day = s.startedAt() != null ? s.startedAt() : setup.scheduledAt();
        LocalDate date = day == null ? null : day.atZone(HALL_TIME).toLocalDate();
        String body = setup.hostOffice() == null ? "Xã " + place : "Xã " + place + "\n" + setup.hostOffice();
        var heading = new Minutes.Heading(body, date == null ? place + ", ngày … tháng … năm …"
                : AdministrativeLayout.placeAndDate(place, date), setup.title());

        Map<Integer, Integer> speechNumbers = new HashMap<>();
        List<Minutes.Speech> speeches = speeches(s, speechNumbers);
        MinutesSignOff signOff = s.minutesSignOff();
        return new Minutes(version(signOff), heading, session(s, date), attendance(s), program(setup.steps()),
                speeches, answers(s, speechNumbers), notes(s), refusals(s), conclusions(s, speechNumbers),
                closing(s), new Minutes.Signatures(signOff.secretary(), signOff.chair()), addenda(signOff),
                headAtClose);
    }

    private static Minutes.Version version(MinutesSignOff signOff) {
        return switch (signOff.stage()) {
            case DRAFT -> new Minutes.Version(Minutes.Stage.DRAFT, "DỰ THẢO");
            case FINAL -> new Minutes.Version(Minutes.Stage.FINAL, "BẢN HOÀN THIỆN");
            case APPROVED -> new Minutes.Version(Minutes.Stage.APPROVED,
                    "ĐÃ PHÊ DUYỆT ngày " + DAY.format(signOff.approvedAt().atZone(HALL_TIME)));
        };
    }

    private static Minutes.Session session(MeetingState s, LocalDate date) {
        Setup setup = s.setup();
        String time;
        if (s.startedAt() == null) {
            time = date == null ? null : "dự kiến ngày " + DAY.format(date);
        } else {
            time = "từ " + HOURS.format(s.startedAt())
                    + (s.closedAt() == null ? "" : " đến " + HOURS.format(s.closedAt())) + ", ngày " + DAY.format(date);
        }
        List<String> chairs = setup.chairs();
        return new Minutes.Session(time, setup.venue(), "Đối thoại trực tiếp, " + kind(setup.kind()), setup.topic(),
                setup.group(), chairs, setup.hostOffice(), s.minutesSignOff().secretary());
    }

    private static String kind(MeetingKind kind) {
        return switch (kind) {
            case PERIODIC -> "định kỳ";
            case THEMATIC -> "chuyên đề";
            case EXTRAORDINARY -> "đột xuất";
        };
    }

    /** Delegates by name (they attend in office); citizens as numbers only, as the hall's head count. */
    private static Minutes.Attendance attendance(MeetingState s) {
        HeadCount h = s.headCount();
        var lines = new ArrayList<String>();
        if (h.equals(HeadCount.NONE)) {
            lines.add("Không điểm danh tại hội nghị.");
        } else {
            lines.add("Đại biểu: " + h.delegatesPresent() + " người có mặt trên " + h.delegatesInvited() + " người được mời.");
            lines.add("Nhân dân: " + h.inviteesPresent() + " người có mặt trên " + h.inviteesInvited()
                    + " người được mời; " + h.walkIns() + " người đến dự không có giấy mời.");
            lines.add("Tổng số người dự: " + (h.delegatesPresent() + h.inviteesPresent() + h.walkIns()) + " người.");
        }
        List<Minutes.Delegate> delegates = s.invitations().stream()
                .filter(i -> i.kind() == Invitation.Kind.DELEGATE && !i.removed() && i.present())
                .map(i -> new Minutes.Delegate(i.name(), i.title(), i.office())).toList();
        return new Minutes.Attendance(lines, delegates);
    }

    private static List<String> program(List<ProgramStep> steps) {
        return steps.stream().map(ProgramStep::vi).toList();
    }

    private static List<Minutes.Speech> speeches(MeetingState s, Map<Integer, Integer> numbers) {
        var speeches = new ArrayList<Minutes.Speech>();
        for (Turn t : s.turns()) {
            if (t.kind() != Turn.Kind.SPEECH) {
                continue;
            }
            int number = speeches.size() + 1;
            numbers.put(t.id(), number);
            String summary = t.registrationId() == null ? null
                    : s.registration(t.registrationId()).map(Registration::summary).orElse(null);
            speeches.add(new Minutes.Speech(number, t.name(), t.villageOrOffice(), t.topic(), summary, start(t), length(t)));
        }
        return speeches;
    }

    private static List<Minutes.Answer> answers(MeetingState s, Map<Integer, Integer> speechNumbers) {
        var answers = new ArrayList<Minutes.Answer>();
        for (Turn t : s.turns()) {
            if (t.kind() == Turn.Kind.RESPONSE) {
                answers.add(new Minutes.Answer(answers.size() + 1, t.name(), t.villageOrOffice(),
                        t.answersTurnId() == null ? null : speechNumbers.get(t.answersTurnId()), start(t), length(t)));
            }
        }
        return answers;
    }

    private static String start(Turn t) {
        return t.firstStartedAt() == null ? NOT_SPOKEN : CLOCK.format(t.firstStartedAt());
    }

    /** mm:ss, pauses left out; a turn of an hour or more counts its minutes on (75:00). */
    static String length(Turn t) {
        if (t.firstStartedAt() == null) {
            return NOT_SPOKEN;
        }
        long seconds = Math.round(t.spokenMs() / 1000.0);
        return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static List<Minutes.Note> notes(MeetingState s) {
        var notes = new ArrayList<Minutes.Note>();
        for (MinuteEntry entry : s.minutes()) {
            if (!entry.automatic()) {
                String about = entry.turnId() == null ? null : s.turn(entry.turnId()).map(Turn::name).orElse(null);
                notes.add(new Minutes.Note(CLOCK.format(entry.at()), entry.text(), about));
            }
        }
        return notes;
    }

    /** The registrations the chair refused, then the speakers the chair stopped, each with the ground on the record. */
    private static List<Minutes.Refused> refusals(MeetingState s) {
        var refused = new ArrayList<Minutes.Refused>();
        for (Registration r : s.registrations().values()) {
            if (r.status() == Registration.Status.REFUSED) {
                refused.add(new Minutes.Refused(refused.size() + 1, r.name(), r.village(), "Không cho phát biểu",
                        grounds(r.refusalGround(), r.refusalText())));
            }
        }
        for (Turn t : s.turns()) {
            if (t.stopGround() != null) {
                refused.add(new Minutes.Refused(refused.size() + 1, t.name(), t.villageOrOffice(),
                        "Dừng phát biểu lúc " + CLOCK.format(t.endedAt()), grounds(t.stopGround(), t.stopText())));
            }
        }
        return refused;
    }

    private static String grounds(String ground, String text) {
        RefusalGround g = ground == null ? RefusalGround.OTHER : RefusalGround.valueOf(ground);
        if (g == RefusalGround.OTHER) {
            return text;
        }
        return text == null ? g.vi : g.vi + " — " + text;
    }

    private static List<Minutes.ConclusionLine> conclusions(MeetingState s, Map<Integer, Integer> speechNumbers) {
        var lines = new ArrayList<Minutes.ConclusionLine>();
        for (Conclusion c : s.conclusions()) {
            String on = c.turnIds().stream().map(speechNumbers::get).filter(java.util.Objects::nonNull)
                    .map(String::valueOf).collect(Collectors.joining(", "));
            lines.add(new Minutes.ConclusionLine(c.id(), c.text(), c.outcome().vi, c.office(),
                    c.deadline() == null ? null : DAY.format(c.deadline()), on.isEmpty() ? null : "Về ý kiến số " + on));
        }
        return lines;
    }

    private static String closing(MeetingState s) {
        return s.closedAt() == null ? null
                : "Hội nghị kết thúc lúc " + HOURS.format(s.closedAt()) + " cùng ngày.";
    }

    private static List<Minutes.Addendum> addenda(MinutesSignOff signOff) {
        return signOff.addenda().stream().map(a -> new Minutes.Addendum(
                "Phụ lục ngày " + DAY.format(a.at().atZone(HALL_TIME)),
                a.by() == Role.CHAIR ? "Chủ trì" : "Thư ký", a.text())).toList();
    }
}
