package vn.doithoai.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Meetings run through the rules for the tests and the benchmark of the minutes (documents/,
 * bench/): the state a closed meeting's record rebuilds, signed off as far as asked.
 */
public final class MinutesMeetings {

    /** A citizen's summary that looks like markup and a Word field: it must stay text on every document. */
    public static final String TRICKY_SUMMARY = "Hộ tôi chưa nhận tiền đền bù <b>x</b> { MERGEFIELD x } từ năm 2024.";
    public static final String SECRETARY_NAME = "Phạm Thị Lan";
    public static final String CHAIR_NAME = "Y Đức Thành";

    private MinutesMeetings() {
    }

    /**
     * A dialogue in Ia Băng on 15/06/2026 from 08:00 to 10:00: two delegates invited (one came), two
     * villagers invited (one came) and a walk-in; Hòa speaks (08:20, 04:12) and is answered (03:05),
     * Mai is stopped, Tuấn refused; two lines of the secretary's, the first corrected; two conclusions.
     *
     * @param stage how far the minutes are signed; APPROVED adds an addendum three days later
     */
    public static MeetingState iaBang(MinutesSignOff.Stage stage) {
        var m = new MeetingScript();
        m.ok(Actor.ORGANISER, new Command.CreateMeeting(new Setup(MeetingKind.PERIODIC,
                "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm 2026",
                "Đất đai; giao thông nông thôn", null, MeetingScript.START,
                "Hội trường Ban Chấp hành Đảng bộ xã (thôn Broch, xã Ia Băng)",
                List.of("Đồng chí Y Đức Thành, Bí thư Đảng ủy, Chủ tịch HĐND xã",
                        "Đồng chí Nguyễn Văn Hùng, Phó Bí thư Đảng ủy, Chủ tịch UBND xã"),
                "Văn phòng Đảng ủy", ProgramStep.DIRECT_DIALOGUE, null)));
        m.ok(Actor.ORGANISER, new Command.AddInvitation(Invitation.Kind.DELEGATE, "Rơ Mah Thuận", "Trưởng Công an xã",
                "Công an xã", null, "DLG01"));
        m.ok(Actor.ORGANISER, new Command.AddInvitation(Invitation.Kind.DELEGATE, "Kpă Hiền", "Chỉ huy trưởng",
                "Ban Chỉ huy Quân sự xã", null, "DLG02"));
        m.ok(Actor.ORGANISER, new Command.AddInvitation(Invitation.Kind.INVITEE, "Lê Văn Hòa", null, null, "Thôn Broch", "HOA01"));
        m.ok(Actor.ORGANISER, new Command.AddInvitation(Invitation.Kind.INVITEE, "Nay Blưm", null, null, "Làng Bi", "BLU01"));
        m.ok(Actor.ORGANISER, new Command.OpenRegistration());
        m.ok(Actor.DOOR, new Command.CheckIn("DLG01", null));
        m.ok(Actor.DOOR, new Command.CheckIn("HOA01", null));
        m.ok(Actor.DOOR, new Command.CheckInWalkIn(null, null));
        m.ok(Actor.SECRETARY, new Command.RegisterAtDesk("Lê Văn Hòa", "Thôn Broch", null, "Đền bù giải phóng mặt bằng",
                TRICKY_SUMMARY, null, null, null, null));
        m.desk("Trần Thị Mai", "Làng Bi", "Vay vốn hộ nghèo");
        int tuan = m.desk("Đỗ Văn Tuấn", "Thôn 4", "Tranh chấp đất đã xử lý");

        m.ok(Actor.CHAIR, new Command.StartMeeting());
        m.ok(Actor.SECRETARY, new Command.RecordMinute("Đồng chí Chủ tịch UBMTTQ xã tuyên bố lý do.", null));
        m.ok(Actor.SECRETARY, new Command.CorrectMinute(2, "Đồng chí Chủ tịch Ủy ban MTTQ xã tuyên bố lý do, giới thiệu đại biểu;"
                + " hội nghị cử đồng chí Phạm Thị Lan làm thư ký."));
        m.advance(Duration.ofMinutes(19));
        m.ok(Actor.CHAIR, new Command.AdvanceStep(2));
        m.ok(Actor.CHAIR, new Command.RefuseRegistration(tuan, RefusalGround.CASE_FINALLY_DECIDED, "Quyết định số 45/QĐ-UBND"));
        m.advance(Duration.ofMinutes(1));
        int speech = m.callNext();
        m.ok(Actor.CHAIR, new Command.StartSlot());
        m.advance(Duration.ofMinutes(4).plusSeconds(12));
        m.ok(Actor.SECRETARY, new Command.RecordMinute("Ông Hòa đề nghị <script>alert(1)</script> trả lời bằng văn bản.", null));
        m.ok(Actor.CHAIR, new Command.EndSlot());
        m.ok(Actor.CHAIR, new Command.CallResponder("Ông Nguyễn Văn Bình", "Công chức Địa chính - Xây dựng", speech, null));
        m.ok(Actor.CHAIR, new Command.StartSlot());
        m.advance(Duration.ofMinutes(3).plusSeconds(5));
        m.ok(Actor.CHAIR, new Command.EndSlot());
        m.callNext();
        m.ok(Actor.CHAIR, new Command.StartSlot());
        m.advance(Duration.ofSeconds(95));
        m.ok(Actor.CHAIR, new Command.StopSpeaker(RefusalGround.BREAKS_RULES, "Lời lẽ xúc phạm"));
        m.ok(Actor.CHAIR, new Command.RecordConclusion("Giao Địa chính rà soát hồ sơ đền bù của hộ ông Hòa, trả lời bằng văn bản.",
                Outcome.ASSIGNED, "Địa chính - Xây dựng", LocalDate.of(2026, 7, 31), List.of(speech), null));
        m.ok(Actor.SECRETARY, new Command.RecordConclusion("Chính sách vay vốn hộ nghèo đã được giải thích tại hội nghị.",
                Outcome.EXPLAINED, null, null, List.of(), null));
        m.advance(Duration.ofMinutes(120).minus(Duration.between(MeetingScript.START, m.now())));
        m.ok(Actor.CHAIR, new Command.CloseMeeting());
        signOff(m, stage);
        return m.state();
    }

    private static void signOff(MeetingScript m, MinutesSignOff.Stage stage) {
        if (stage == MinutesSignOff.Stage.DRAFT) {
            return;
        }
        m.advance(Duration.ofHours(2));
        m.ok(Actor.SECRETARY, new Command.FinaliseMinutes(SECRETARY_NAME));
        if (stage == MinutesSignOff.Stage.FINAL) {
            return;
        }
        m.advance(Duration.ofDays(1));
        m.ok(Actor.CHAIR, new Command.ApproveMinutes(CHAIR_NAME));
        m.advance(Duration.ofDays(2));
        m.ok(Actor.SECRETARY, new Command.AddMinutesAddendum("Sửa thời hạn kết luận số 1 thành ngày 15/08/2026."));
    }

    /**
     * The record of a four-hour meeting with {@code speeches} speeches, one answer to every third,
     * a line of the secretary's for every other speech and a conclusion for every third: about
     * 2,000 events for 300 speeches, every one decided by the rules.
     */
    public static List<MeetingRules.Recorded> fourHours(int speeches) {
        var m = MeetingScript.created(new SpeakingRules(600, 60, 0, false, 300, 0));
        m.ok(Actor.CHAIR, new Command.OpenRegistration());
        for (int i = 0; i < speeches / 2; i++) {
            m.ok(Actor.ORGANISER, new Command.AddInvitation(Invitation.Kind.INVITEE, "Người được mời " + i, null, null,
                    "Thôn " + (i % 12 + 1), "INV" + i));
            m.ok(Actor.DOOR, new Command.CheckIn("INV" + i, null));
        }
        m.ok(Actor.CHAIR, new Command.StartMeeting());
        m.ok(Actor.CHAIR, new Command.AdvanceStep(2));
        Duration each = Duration.ofHours(4).dividedBy(speeches + (speeches + 2) / 3); // speeches and answers fill 4 hours
        for (int i = 0; i < speeches; i++) {
            m.ok(Actor.SECRETARY, new Command.RegisterAtDesk("Nguyễn Văn Người " + i, "Thôn " + (i % 12 + 1), null,
                    "Đường giao thông, nước sạch, đất đai số " + i, "Tóm tắt ý kiến số " + i + " về đời sống của bà con thôn.",
                    null, null, null, null));
            int turn = m.callNext();
            m.ok(Actor.CHAIR, new Command.StartSlot());
            m.advance(each);
            if (i % 2 == 0) {
                m.ok(Actor.SECRETARY, new Command.RecordMinute("Ghi chép về ý kiến số " + (i + 1) + ": bà con đề nghị xã quan tâm.", null));
            }
            m.ok(Actor.CHAIR, new Command.EndSlot());
            if (i % 3 == 0) {
                m.ok(Actor.CHAIR, new Command.CallResponder("Ông Trần Văn Cán Bộ", "Công chức Địa chính - Xây dựng", turn, null));
                m.ok(Actor.CHAIR, new Command.StartSlot());
                m.advance(each);
                m.ok(Actor.CHAIR, new Command.EndSlot());
                m.ok(Actor.CHAIR, new Command.RecordConclusion("Giao cơ quan chuyên môn giải quyết ý kiến số " + (i + 1) + ".",
                        Outcome.ASSIGNED, "Địa chính - Xây dựng", LocalDate.of(2026, 9, 30), List.of(turn), null));
            }
        }
        m.ok(Actor.CHAIR, new Command.CloseMeeting());
        return m.recorded();
    }
}
