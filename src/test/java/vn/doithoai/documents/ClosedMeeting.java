package vn.doithoai.documents;

import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Decision;
import vn.doithoai.meeting.Event;
import vn.doithoai.meeting.MeetingKind;
import vn.doithoai.meeting.MeetingRules;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.Outcome;
import vn.doithoai.meeting.Setup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting of Kiến Minh run through its rules and closed: two citizens spoke (with their phone
 * numbers given), one was answered, and three conclusions were recorded, one of them answering both.
 */
final class ClosedMeeting {

    static final String AN = "Nguyễn Văn An";
    static final String AN_PHONE = "0912345678";
    static final String LAN = "Trần Thị Lan";
    static final String LAN_PHONE = "0987654321";
    static final String RESPONDER = "Lê Văn Bình";

    private MeetingState state = MeetingState.NEW;
    private Instant now = Instant.parse("2026-06-15T01:00:00Z");

    private ClosedMeeting() {
    }

    static MeetingState state() {
        var m = new ClosedMeeting();
        m.run(Actor.ORGANISER, new Command.CreateMeeting(new Setup(MeetingKind.PERIODIC, "Hội nghị đối thoại năm 2026",
                "Đất đai", null, Instant.parse("2026-06-15T01:00:00Z"), "Hội trường UBND xã Kiến Minh",
                List.of("Bí thư Đảng ủy xã", "Chủ tịch UBND xã"), "Văn phòng HĐND-UBND xã", null, null)));
        m.run(Actor.CHAIR, new Command.OpenRegistration());
        m.run(Actor.CHAIR, new Command.StartMeeting());
        m.run(Actor.attendee("a1"), new Command.Register(AN, "Thôn Broch", null, "Đường liên thôn", null, AN_PHONE, null, null));
        m.run(Actor.SECRETARY, new Command.RegisterAtDesk(LAN, "Làng Đê Kjiêng", null, "Nước sạch", null, LAN_PHONE, null, null, null));
        m.speak(new Command.CallSpeaker(1, null));
        m.speak(new Command.CallResponder(RESPONDER, "Phòng Kinh tế", 1, null));
        m.speak(new Command.CallSpeaker(2, null));
        m.run(Actor.CHAIR, new Command.RecordConclusion("Sửa đường liên thôn Broch – Đê Kjiêng trước mùa mưa", Outcome.ASSIGNED,
                "Phòng Kinh tế", LocalDate.of(2026, 9, 30), List.of(1), List.of()));
        m.run(Actor.SECRETARY, new Command.RecordConclusion("Khảo sát nguồn nước cho cả hai thôn, làng", Outcome.FORWARDED,
                "UBND tỉnh Gia Lai", LocalDate.of(2026, 12, 31), List.of(1, 3), List.of()));
        m.run(Actor.CHAIR, new Command.RecordConclusion("Chính sách hỗ trợ đã được giải thích tại hội nghị", Outcome.EXPLAINED,
                null, null, List.of(), List.of()));
        m.run(Actor.CHAIR, new Command.CloseMeeting());
        return m.state;
    }

    private void speak(Command call) {
        run(Actor.CHAIR, call);
        run(Actor.CHAIR, new Command.StartSlot());
        now = now.plusSeconds(120);
        run(Actor.CHAIR, new Command.EndSlot());
    }

    private void run(Actor actor, Command command) {
        Decision decision = MeetingRules.decide(state, command, new Command.Context(actor, now));
        if (!decision.accepted()) {
            throw new AssertionError(command + " refused: " + decision.refusal());
        }
        for (Event event : decision.events()) {
            state = MeetingRules.apply(state, event, now);
        }
        now = now.plusSeconds(10);
    }
}
