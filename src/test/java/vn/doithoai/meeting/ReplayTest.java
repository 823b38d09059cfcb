package vn.doithoai.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.ORGANISER;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;
import static vn.doithoai.meeting.MeetingScript.SERVER;
import static vn.doithoai.meeting.MeetingScript.phone;

class ReplayTest {

    /** A whole direct dialogue as plan 004 runs it: four steps, speeches, answers, minutes, conclusions. */
    static MeetingScript plan004Meeting() {
        var m = MeetingScript.created(new SpeakingRules(300, 60, 5, true, 300));
        m.ok(ORGANISER, new Command.ChangeSetup(new Setup(MeetingKind.PERIODIC, "Hội nghị đối thoại giữa người đứng đầu"
                + " cấp ủy, chính quyền với Nhân dân năm 2026", "Đất đai; giao thông; chính sách xã hội", null,
                MeetingScript.START, "Hội trường UBND xã Kiến Minh", List.of("Bí thư Đảng ủy xã", "Chủ tịch UBND xã"),
                "Văn phòng HĐND-UBND xã", ProgramStep.DIRECT_DIALOGUE, new SpeakingRules(300, 60, 5, true, 300))));

        // Before the meeting: phones and the desk register.
        m.ok(ORGANISER, new Command.OpenRegistration());
        m.advanceSeconds(120);
        int hoa = m.register("phone-hoa", "Lê Văn Ho\u0300a", "Thôn Kiến Minh 1", "Đền bù giải phóng mặt bằng");
        m.advanceSeconds(40);
        int mai = m.register("phone-mai", "Trần Thị Mai", "Thôn 2", "Vay vốn hộ nghèo");
        int hoa2 = m.register("phone-hoa", "Lê Văn Hòa", "Thôn Kiến Minh 1", "Đường liên thôn");
        m.advanceSeconds(30);
        int nam = ((Event.SpeakerRegistered) m.ok(SECRETARY, new Command.RegisterAtDesk("Nguyễn Văn Nam",
                "Hội Cựu chiến binh", "Cựu chiến binh", "Chế độ chính sách", "Chưa được hưởng trợ cấp", "0912 000 111",
                "Không có điện thoại", null, null)).get(0)).registrationId();
        int lan = m.register("phone-lan", "Phạm Thị Lan", "Thôn 3", "Nước sạch");
        int tuan = m.register("phone-tuan", "Đỗ Văn Tuấn", "Thôn 4", "Tranh chấp đất đã xử lý");

        // Step 1 and 2.
        m.advanceSeconds(600);
        m.ok(CHAIR, new Command.StartMeeting());
        m.ok(SECRETARY, new Command.RecordMinute("Đồng chí Chủ tịch UBMTTQ xã tuyên bố lý do, giới thiệu đại biểu."
                + "\nHội nghị thông qua chương trình, nội quy; cử đồng chí Lan làm thư ký.", null));
        m.advanceSeconds(420);
        m.ok(CHAIR, new Command.AdvanceStep(null));
        m.advanceSeconds(1200);
        m.ok(SECRETARY, new Command.RecordMinute("Chủ tịch UBND xã báo cáo tình hình kinh tế - xã hội 6 tháng.", null));
        m.ok(SECRETARY, new Command.CorrectMinute(4, "Chủ tịch UBND xã báo cáo tình hình kinh tế - xã hội, quốc phòng,"
                + " an ninh 6 tháng đầu năm."));

        // Step 3: citizens speak.
        m.advanceSeconds(60);
        m.ok(CHAIR, new Command.AdvanceStep(null));
        m.ok(CHAIR, new Command.CloseList());
        m.refused(phone("phone-late"), new Command.Register("Vũ Văn Muộn", "Thôn 5", null, "Đến muộn", null, null, null, null));
        m.refused(CHAIR, new Command.AdvanceStep(2));
        m.ok(CHAIR, new Command.MoveRegistration(lan, 0));
        m.ok(CHAIR, new Command.RefuseRegistration(tuan, RefusalGround.CASE_FINALLY_DECIDED, "Quyết định số 45/QĐ-UBND"));
        m.ok(SECRETARY, new Command.EditRegistration(mai, "Vay vốn hộ nghèo, hộ cận nghèo", null, "Ưu tiên"));

        int t1 = m.callNext(); // Lan
        m.advanceSeconds(10);
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(150);
        m.ok(CHAIR, new Command.PauseSlot());
        m.advanceSeconds(30);
        m.ok(CHAIR, new Command.ResumeSlot());
        m.advanceSeconds(102);
        m.ok(SECRETARY, new Command.RecordMinute("Bà Lan phản ánh nước sạch chưa về thôn 3.", null));
        m.ok(CHAIR, new Command.EndSlot());

        int t2 = m.callNext(); // Hòa, first registration
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(300);
        m.ok(SERVER, new Command.MarkTimeUp(t2));
        m.advanceSeconds(20);
        m.ok(CHAIR, new Command.ExtendSlot(60));
        m.advanceSeconds(50);

        // Hòa's second registration goes behind those who have not spoken.
        int t3 = m.callNext();
        assertThat(m.floor().registrationId()).isEqualTo(mai);
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(200);
        m.ok(CHAIR, new Command.StopSpeaker(RefusalGround.BREAKS_RULES, "Lời lẽ xúc phạm"));

        // Step 4 interleaves: a responder answers Hòa.
        m.advanceSeconds(20);
        int t4 = ((Event.ResponderCalled) m.ok(CHAIR, new Command.CallResponder("Ông Nguyễn Văn Bình",
                "Công chức Địa chính - Xây dựng", t2, 240)).get(0)).turnId();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(185);
        m.ok(CHAIR, new Command.EndSlot());
        m.ok(CHAIR, new Command.RecordConclusion("Giao Địa chính rà soát hồ sơ đền bù của hộ ông Hòa.", Outcome.ASSIGNED,
                "Địa chính - Xây dựng", LocalDate.of(2026, 7, 31), List.of(t2, t4), null));

        m.ok(CHAIR, new Command.CallSpeaker(nam, 180));
        m.advanceSeconds(5);
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(170);
        m.ok(CHAIR, new Command.CallResponder("Ông Trần Văn Cường", "Lao động - Thương binh và Xã hội", null, null));
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(90);

        m.ok(CHAIR, new Command.AdvanceStep(3));
        m.ok(SECRETARY, new Command.RecordConclusion("Chế độ cựu chiến binh đã được giải thích.", Outcome.EXPLAINED,
                null, null, List.of(), null));
        m.ok(CHAIR, new Command.CorrectConclusion(1, "Giao Địa chính rà soát hồ sơ đền bù, trả lời ông Hòa bằng văn bản.",
                Outcome.ASSIGNED, "Địa chính - Xây dựng", LocalDate.of(2026, 8, 15), List.of(t2, t4), null));
        m.ok(CHAIR, new Command.RecordConclusion("Đề nghị huyện đầu tư nước sạch thôn 3.", Outcome.FORWARDED,
                "UBND huyện", null, List.of(t1), null));
        m.advanceSeconds(900);
        m.ok(CHAIR, new Command.CloseMeeting());
        m.ok(SECRETARY, new Command.RecordMinute("Biên bản được thông qua, các đại biểu nhất trí.", null));

        assertThat(hoa).isEqualTo(1);
        assertThat(hoa2).isEqualTo(3);
        assertThat(t3).isEqualTo(3);
        return m;
    }

    /** A snapshot is the state as JSON: read back, it must be the same state at every point of a meeting. */
    @Test
    void theStateReadBackFromItsJsonIsTheSameStateAtEveryPointOfAMeeting() throws Exception {
        var m = plan004Meeting();
        MeetingState state = MeetingState.NEW;
        for (MeetingRules.Recorded r : m.recorded()) {
            state = MeetingRules.apply(state, r.event(), r.at());
            String json = vn.doithoai.codec.Json.write(state);
            assertThat(vn.doithoai.codec.Json.read(json, MeetingState.class)).as("after event %d", r.seq()).isEqualTo(state);
        }
    }

    @Test
    void replayingTheRecordOfAWholeMeetingBuildsExactlyTheLiveState() {
        var m = plan004Meeting();
        MeetingState replayed = MeetingRules.replay(m.recorded());
        assertThat(replayed).isEqualTo(m.state());
        assertThat(replayed.hashCode()).isEqualTo(m.state().hashCode());
    }

    @Test
    void replayingAnyPrefixOfTheRecordGivesTheStateAtThatPoint() {
        var states = new ArrayList<MeetingState>();
        List<MeetingRules.Recorded> log = plan004Meeting().recorded();
        MeetingState folded = MeetingState.NEW;
        for (MeetingRules.Recorded r : log) {
            folded = MeetingRules.apply(folded, r.event(), r.at());
            states.add(folded);
        }
        for (int n = 0; n < log.size(); n += 7) {
            assertThat(MeetingRules.replay(log.subList(0, n + 1))).isEqualTo(states.get(n));
        }
    }

    @Test
    void theScriptedMeetingEndsWithTheRecordItShould() {
        MeetingState s = plan004Meeting().state();

        assertThat(s.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(s.stepIndex()).isEqualTo(3);
        assertThat(s.floor()).isNull();
        assertThat(s.registration(1).orElseThrow().name()).isEqualTo("Lê Văn Hòa");
        assertThat(s.registrations().values()).extracting(Registration::status).containsExactly(
                Registration.Status.SPOKEN, Registration.Status.STOPPED, Registration.Status.WAITING,
                Registration.Status.SPOKEN, Registration.Status.SPOKEN, Registration.Status.REFUSED);
        assertThat(s.queue()).containsExactly(3);
        assertThat(s.turns()).extracting(Turn::kind).containsExactly(Turn.Kind.SPEECH, Turn.Kind.SPEECH,
                Turn.Kind.SPEECH, Turn.Kind.RESPONSE, Turn.Kind.SPEECH, Turn.Kind.RESPONSE);

        Turn lan = s.turns().get(0);
        assertThat(lan.spokenMs()).isEqualTo(252_000);
        Turn hoa = s.turns().get(1);
        assertThat(hoa.timeUp()).isFalse();
        assertThat(hoa.allowedMs()).isEqualTo(360_000);
        assertThat(hoa.spokenMs()).isEqualTo(370_000);
        assertThat(hoa.overtimeMs()).isEqualTo(10_000);
        assertThat(s.turns().get(2).stopGround()).isEqualTo("BREAKS_RULES");
        assertThat(s.turns().get(3).answersTurnId()).isEqualTo(2);
        assertThat(s.turns().get(3).topic()).isEqualTo("Đền bù giải phóng mặt bằng");
        assertThat(s.turns().get(4).allowedMs()).isEqualTo(180_000);

        assertThat(s.minutes()).filteredOn(line -> !line.automatic()).hasSize(4);
        assertThat(s.minutes()).anySatisfy(line -> assertThat(line.text()).contains("4 phút 12 giây"));
        assertThat(s.minutes().get(3).earlierTexts()).hasSize(1);
        assertThat(s.conclusions()).extracting(Conclusion::revision).containsExactly(2, 1, 1);
        assertThat(s.closedAt()).isNotNull();
    }
}
