package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;

class MinutesAndConclusionsTest {

    // ---- automatic lines ----------------------------------------------------------------

    @Test
    void aSpeechOfFourMinutesTwelveSecondsIsWrittenWithItsHallTimeSpan() {
        var m = MeetingScript.started();
        m.register("a1", "Lê Văn Hòa", "Thôn Kiến Minh 1", "Đường liên thôn");
        m.advanceSeconds(300);
        int turn = m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advance(Duration.ofMinutes(4).plusSeconds(12));
        m.ok(CHAIR, new Command.EndSlot());

        MinuteEntry line = m.lastMinute();
        assertThat(line.automatic()).isTrue();
        assertThat(line.turnId()).isEqualTo(turn);
        assertThat(line.at()).isEqualTo(m.now());
        assertThat(line.text()).contains("4 phút 12 giây").contains("08:05–08:09");
        assertThat(line.text()).isEqualTo("08:05–08:09 — Lê Văn Hòa (Thôn Kiến Minh 1) phát biểu về «Đường liên thôn», 4 phút 12 giây.");
        assertThat(line.textEn()).isEqualTo("08:05–08:09 — Lê Văn Hòa (Thôn Kiến Minh 1) spoke on «Đường liên thôn», 4 min 12 s.");
    }

    @Test
    void theSpanRunsFromTheFirstStartToTheEndAndTheLengthLeavesOutPauses() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        m.advanceSeconds(60);
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(100);
        m.ok(CHAIR, new Command.PauseSlot());
        m.advanceSeconds(600);
        m.ok(CHAIR, new Command.ResumeSlot());
        m.advanceSeconds(50);
        m.ok(CHAIR, new Command.EndSlot());
        assertThat(m.lastMinute().text()).isEqualTo("08:01–08:13 — Hòa (Thôn 1) phát biểu về «Đường», 2 phút 30 giây.");
    }

    @Test
    void overtimeIsWrittenInTheLine() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        m.ok(CHAIR, new Command.StartSlot());
        m.advanceSeconds(345);
        m.ok(CHAIR, new Command.EndSlot());
        assertThat(m.lastMinute().text()).isEqualTo("08:00–08:05 — Hòa (Thôn 1) phát biểu về «Đường», 5 phút 45 giây, quá giờ 45 giây.");
        assertThat(m.lastMinute().textEn()).isEqualTo("08:00–08:05 — Hòa (Thôn 1) spoke on «Đường», 5 min 45 s, 45 s over time.");
    }

    @Test
    void theClockIsHallTimeInVietnamEvenAcrossMidnightUtc() {
        var m = new MeetingScript();
        m.advance(Duration.ofHours(22).plusMinutes(29)); // 23:29 UTC on the 15th
        m.ok(MeetingScript.ORGANISER, new Command.CreateMeeting(MeetingScript.setup(null)));
        m.ok(CHAIR, new Command.StartMeeting());
        assertThat(m.lastMinute().text()).isEqualTo("Khai mạc hội nghị lúc 06:29.");
    }

    @Test
    void durationsAreRoundedToTheSecond() {
        assertThat(AutoMinutes.durationVi(251_499)).isEqualTo("4 phút 11 giây");
        assertThat(AutoMinutes.durationVi(251_500)).isEqualTo("4 phút 12 giây");
        assertThat(AutoMinutes.durationVi(45_000)).isEqualTo("45 giây");
        assertThat(AutoMinutes.durationVi(60_000)).isEqualTo("1 phút 0 giây");
        assertThat(AutoMinutes.durationEn(3_725_000)).isEqualTo("62 min 5 s");
        assertThat(AutoMinutes.durationEn(400)).isEqualTo("0 s");
    }

    @Test
    void automaticLinesAreNumberedWithTheSecretarysLinesAndTiedToTheStep() {
        var m = MeetingScript.started();
        m.ok(SECRETARY, new Command.RecordMinute("Ông Chủ tịch UBMTTQ tuyên bố lý do.", null));
        m.ok(CHAIR, new Command.AdvanceStep(null));
        assertThat(m.state().minutes()).extracting(MinuteEntry::id).containsExactly(1, 2, 3);
        assertThat(m.state().minutes()).extracting(MinuteEntry::automatic).containsExactly(true, false, true);
        assertThat(m.state().minutes()).extracting(MinuteEntry::stepIndex).containsExactly(0, 0, 1);
    }

    // ---- the secretary's minutes --------------------------------------------------------

    @Test
    void aMinuteIsTiedToTheTurnOnTheFloorByDefault() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.AdvanceStep(2));
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        int turn = m.callNext();
        int next = m.state().minutes().size() + 1;
        m.advanceSeconds(30);
        assertThat(m.ok(SECRETARY, new Command.RecordMinute("  Ông Hòa đề nghị\r\nlàm đường.  ", null)))
                .containsExactly(new Event.MinuteRecorded(next, "Ông Hòa đề nghị\nlàm đường.", turn, 2));
        MinuteEntry line = m.lastMinute();
        assertThat(line.turnId()).isEqualTo(turn);
        assertThat(line.at()).isEqualTo(m.now());
        assertThat(line.automatic()).isFalse();
        assertThat(line.textEn()).isNull();
        assertThat(line.earlierTexts()).isEmpty();
    }

    @Test
    void aMinuteWithNobodyOnTheFloorIsTiedToTheStepOnly() {
        var m = MeetingScript.started();
        assertThat(m.ok(SECRETARY, new Command.RecordMinute("Thông qua chương trình.", null)))
                .containsExactly(new Event.MinuteRecorded(2, "Thông qua chương trình.", null, 0));
    }

    @Test
    void aMinuteMayBeTiedToAnEarlierTurn() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.register("a2", "Mai", "Thôn 2", "Điện");
        m.speak(one, Duration.ofSeconds(60));
        m.callNext();
        List<Event> events = m.ok(SECRETARY, new Command.RecordMinute("Bổ sung ý của ông Hòa.", 1));
        assertThat(((Event.MinuteRecorded) events.get(0)).turnId()).isEqualTo(1);
    }

    @Test
    void aMinuteTiedToAnUnknownTurnIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(SECRETARY, new Command.RecordMinute("Ý kiến.", 3))).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void anEmptyOrTooLongMinuteIsRefused() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(SECRETARY, new Command.RecordMinute(" \n ", null))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(SECRETARY, new Command.RecordMinute("x".repeat(5001), null))).isEqualTo(Refusal.FIELD_TOO_LONG);
        m.ok(SECRETARY, new Command.RecordMinute("x".repeat(5000), null));
    }

    @Test
    void minutesCannotBeWrittenBeforeTheMeetingStartsButMayBeAfterItCloses() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(SECRETARY, new Command.RecordMinute("Sớm.", null))).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.StartMeeting());
        m.ok(CHAIR, new Command.CloseMeeting());
        m.ok(SECRETARY, new Command.RecordMinute("Biên bản kết thúc lúc 11 giờ.", null));
    }

    @Test
    void aCorrectionKeepsTheEarlierTextsInOrder() {
        var m = MeetingScript.started();
        m.advanceSeconds(10);
        m.ok(SECRETARY, new Command.RecordMinute("Ông Hoà nói về đường.", null));
        var written = m.lastMinute();
        m.advanceSeconds(60);
        assertThat(m.ok(SECRETARY, new Command.CorrectMinute(written.id(), " Ông Hòa nói về đường liên thôn. ")))
                .containsExactly(new Event.MinuteCorrected(written.id(), "Ông Hòa nói về đường liên thôn."));
        m.ok(SECRETARY, new Command.CorrectMinute(written.id(), "Ông Hòa (thôn 1) nói về đường liên thôn."));

        MinuteEntry corrected = m.state().minutes().get(written.id() - 1);
        assertThat(corrected.text()).isEqualTo("Ông Hòa (thôn 1) nói về đường liên thôn.");
        assertThat(corrected.earlierTexts()).containsExactly("Ông Hoà nói về đường.", "Ông Hòa nói về đường liên thôn.");
        assertThat(corrected.at()).isEqualTo(written.at());
        assertThat(corrected.id()).isEqualTo(written.id());
        assertThat(m.state().minutes()).hasSize(2);
    }

    @Test
    void automaticLinesCannotBeCorrected() {
        var m = MeetingScript.started();
        Refusal refusal = m.refused(SECRETARY, new Command.CorrectMinute(1, "Khai mạc lúc 7 giờ 30."));
        assertThat(refusal.code()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(refusal.en()).isEqualTo("No minutes entry 1 written by the secretary");
    }

    @Test
    void correctingAMissingLineOrWithEmptyTextIsRefused() {
        var m = MeetingScript.started();
        m.ok(SECRETARY, new Command.RecordMinute("Ý kiến.", null));
        assertThat(m.refusedCode(SECRETARY, new Command.CorrectMinute(0, "Sửa."))).isEqualTo(Refusal.NOT_FOUND);
        assertThat(m.refusedCode(SECRETARY, new Command.CorrectMinute(3, "Sửa."))).isEqualTo(Refusal.NOT_FOUND);
        assertThat(m.refusedCode(SECRETARY, new Command.CorrectMinute(2, "  "))).isEqualTo(Refusal.FIELD_MISSING);
    }

    // ---- conclusions --------------------------------------------------------------------

    @Test
    void aConclusionIsRecordedWithItsLinkedTurnsAtRevisionOne() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.speak(one, Duration.ofSeconds(90));
        m.advanceSeconds(30);
        assertThat(m.ok(CHAIR, new Command.RecordConclusion(" Đã trả lời: đường sẽ làm năm 2027. ", Outcome.ANSWERED,
                null, null, List.of(1), null)))
                .containsExactly(new Event.ConclusionRecorded(1, "Đã trả lời: đường sẽ làm năm 2027.", Outcome.ANSWERED,
                        null, null, List.of(1), null));
        Conclusion c = m.state().conclusion(1).orElseThrow();
        assertThat(c.revision()).isEqualTo(1);
        assertThat(c.recordedAt()).isEqualTo(m.now());
        assertThat(c.turnIds()).containsExactly(1);
    }

    @Test
    void anAssignedConclusionNeedsAnOffice() {
        var m = MeetingScript.started();
        Refusal refusal = m.refused(CHAIR, new Command.RecordConclusion("Giao địa chính kiểm tra.", Outcome.ASSIGNED,
                "  ", LocalDate.of(2026, 7, 30), null, null));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(refusal.en()).isEqualTo("Missing: the responsible office");

        m.ok(SECRETARY, new Command.RecordConclusion("Giao địa chính kiểm tra.", Outcome.ASSIGNED,
                "Địa chính - Xây dựng", LocalDate.of(2026, 7, 30), null, null));
        Conclusion c = m.state().conclusion(1).orElseThrow();
        assertThat(c.office()).isEqualTo("Địa chính - Xây dựng");
        assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 7, 30));
        assertThat(c.turnIds()).isEmpty();
    }

    @Test
    void aForwardedConclusionNeedsAnOfficeToo() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.RecordConclusion("Chuyển huyện.", Outcome.FORWARDED, null, null, null, null)))
                .isEqualTo(Refusal.FIELD_MISSING);
    }

    @Test
    void aConclusionNeedsTextAndAnOutcome() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(CHAIR, new Command.RecordConclusion(" ", Outcome.ANSWERED, null, null, null, null)))
                .isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refused(CHAIR, new Command.RecordConclusion("Kết luận.", null, null, null, null, null)).en())
                .isEqualTo("Missing: Outcome");
        assertThat(m.refusedCode(CHAIR, new Command.RecordConclusion("k".repeat(5001), Outcome.ANSWERED, null, null, null, null)))
                .isEqualTo(Refusal.FIELD_TOO_LONG);
    }

    @Test
    void aConclusionLinkedToAnUnknownTurnIsRefused() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.speak(one, Duration.ofSeconds(90));
        Refusal refusal = m.refused(CHAIR, new Command.RecordConclusion("Kết luận.", Outcome.EXPLAINED, null, null, List.of(1, 2), null));
        assertThat(refusal.code()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(refusal.en()).isEqualTo("No turn number 2");
    }

    @Test
    void aDeadlineOutsideTheYears2000To2099IsRefusedAsInvalid() {
        var m = MeetingScript.started();
        for (LocalDate slip : List.of(LocalDate.of(-1, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(2100, 1, 1),
                LocalDate.of(999_999_999, 12, 31))) {
            assertThat(m.refusedCode(CHAIR, new Command.RecordConclusion("Kết luận.", Outcome.ASSIGNED, "Phòng Kinh tế", slip, null, null)))
                    .as("deadline %s", slip).isEqualTo(Refusal.FIELD_INVALID);
        }
        m.ok(CHAIR, new Command.RecordConclusion("Kết luận.", Outcome.ASSIGNED, "Phòng Kinh tế", LocalDate.of(2026, 11, 30), null, null));
    }

    @Test
    void conclusionsCannotBeRecordedBeforeTheMeetingButMayAfterItCloses() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(CHAIR, new Command.RecordConclusion("Kết luận.", Outcome.ANSWERED, null, null, null, null)))
                .isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.StartMeeting());
        m.ok(CHAIR, new Command.CloseMeeting());
        m.ok(CHAIR, new Command.RecordConclusion("Kết luận.", Outcome.ANSWERED, null, null, null, null));
    }

    @Test
    void aCorrectionReplacesTheConclusionAndIncrementsItsRevision() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.speak(one, Duration.ofSeconds(90));
        m.ok(CHAIR, new Command.RecordConclusion("Trả lời.", Outcome.ANSWERED, null, null, List.of(1), null));
        m.ok(CHAIR, new Command.RecordConclusion("Kết luận hai.", Outcome.EXPLAINED, null, null, null, null));
        m.advanceSeconds(120);

        assertThat(m.ok(SECRETARY, new Command.CorrectConclusion(1, "Giao địa chính.", Outcome.ASSIGNED, "Địa chính",
                LocalDate.of(2026, 9, 1), List.of(1), null)))
                .containsExactly(new Event.ConclusionCorrected(1, "Giao địa chính.", Outcome.ASSIGNED, "Địa chính",
                        LocalDate.of(2026, 9, 1), List.of(1), null));
        m.ok(CHAIR, new Command.CorrectConclusion(1, "Giao địa chính kiểm tra.", Outcome.ASSIGNED, "Địa chính",
                LocalDate.of(2026, 9, 15), List.of(1), null));

        Conclusion c = m.state().conclusion(1).orElseThrow();
        assertThat(c.revision()).isEqualTo(3);
        assertThat(c.text()).isEqualTo("Giao địa chính kiểm tra.");
        assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(m.state().conclusions()).extracting(Conclusion::id).containsExactly(1, 2);
        assertThat(m.state().conclusion(2).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void aCorrectionPassesTheSameChecksAndNeedsAnExistingConclusion() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.RecordConclusion("Trả lời.", Outcome.ANSWERED, null, null, null, null));
        assertThat(m.refusedCode(CHAIR, new Command.CorrectConclusion(2, "Sửa.", Outcome.ANSWERED, null, null, null, null)))
                .isEqualTo(Refusal.NOT_FOUND);
        assertThat(m.refusedCode(CHAIR, new Command.CorrectConclusion(1, "Sửa.", Outcome.ASSIGNED, null, null, null, null)))
                .isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(CHAIR, new Command.CorrectConclusion(1, "Sửa.", Outcome.ANSWERED, null, null, List.of(9), null)))
                .isEqualTo(Refusal.NOT_FOUND);
    }
}
