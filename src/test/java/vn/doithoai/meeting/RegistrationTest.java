package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;
import static vn.doithoai.meeting.MeetingScript.phone;

class RegistrationTest {

    private static Command.Register register(String name, String village, String topic) {
        return new Command.Register(name, village, null, topic, null, null, null, null);
    }

    // ---- from a phone -------------------------------------------------------------------

    @Test
    void aPhoneRegistrationIsRecordedWaitingAtTheEndOfTheQueue() {
        var m = MeetingScript.registrationOpen();
        m.advanceSeconds(30);
        List<Event> events = m.ok(phone("a1"), new Command.Register("Lê Văn Hòa", "Thôn Kiến Minh 1", "Nông dân",
                "Đền bù giải phóng mặt bằng", "Chưa nhận đủ tiền", "0912 345 678", null, null));

        assertThat(events).containsExactly(new Event.SpeakerRegistered(1, "Lê Văn Hòa", "Thôn Kiến Minh 1", "Nông dân",
                "Đền bù giải phóng mặt bằng", "Chưa nhận đủ tiền", "0912 345 678", null, Registration.Source.PHONE, "a1", null, null));
        Registration r = m.registration(1);
        assertThat(r.status()).isEqualTo(Registration.Status.WAITING);
        assertThat(r.registeredAt()).isEqualTo(m.now());
        assertThat(r.attendeeId()).isEqualTo("a1");
        assertThat(r.note()).isNull();
        assertThat(m.state().queue()).containsExactly(1);
    }

    @Test
    void registrationsGetConsecutiveIdsAndQueueInOrder() {
        var m = MeetingScript.registrationOpen();
        int a = m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        int b = m.register("a2", "Trần Thị Mai", "Thôn 2", "Điện");
        int c = m.desk("Nguyễn Văn Nam", "Thôn 3", "Nước");
        assertThat(List.of(a, b, c)).containsExactly(1, 2, 3);
        assertThat(m.state().queue()).containsExactly(1, 2, 3);
    }

    @Test
    void phonesMayRegisterWhileTheMeetingIsInProgress() {
        var m = MeetingScript.started();
        m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        assertThat(m.state().queue()).hasSize(1);
    }

    @Test
    void phonesCannotRegisterBeforeRegistrationOpens() {
        var m = MeetingScript.created();
        assertThat(m.refusedCode(phone("a1"), register("Lê Văn Hòa", "Thôn 1", "Đường"))).isEqualTo(Refusal.LIST_CLOSED);
    }

    @Test
    void nameVillageAndTopicAreRequired() {
        var m = MeetingScript.registrationOpen();
        Refusal noName = m.refused(phone("a1"), register("   ", "Thôn 1", "Đường"));
        assertThat(noName.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(noName.vi()).isEqualTo("Chưa nhập: Họ và tên");
        assertThat(noName.en()).isEqualTo("Missing: Name");
        assertThat(m.refused(phone("a1"), register("Lê Văn Hòa", null, "Đường")).en())
                .isEqualTo("Missing: Village or organisation");
        assertThat(m.refused(phone("a1"), register("Lê Văn Hòa", "Thôn 1", "\t\n ")).en()).isEqualTo("Missing: Topic");
    }

    @Test
    void aTooLongFieldIsRefusedWithFieldTooLong() {
        var m = MeetingScript.registrationOpen();
        Refusal longName = m.refused(phone("a1"), register("a".repeat(101), "Thôn 1", "Đường"));
        assertThat(longName.code()).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(longName.en()).isEqualTo("Name is too long (at most 100 characters)");
        assertThat(m.refusedCode(phone("a1"), register("Hòa", "Thôn 1", "x".repeat(201)))).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(phone("a1"), new Command.Register("Hòa", "Thôn 1", null, "Đường",
                "y".repeat(1001), null, null, null))).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(phone("a1"), new Command.Register("Hòa", "Thôn 1", "g".repeat(101), "Đường",
                null, null, null, null))).isEqualTo(Refusal.FIELD_TOO_LONG);
    }

    @Test
    void theLengthLimitCountsCharactersNotUtf16UnitsOrCombiningMarks() {
        var m = MeetingScript.registrationOpen();
        // 100 letters "ò" typed as o + combining grave: 200 UTF-16 units before NFC, 100 characters after.
        String hundred = "o\u0300".repeat(100);
        m.ok(phone("a1"), register(hundred, "Thôn 1", "Đường"));
        assertThat(m.registration(1).name()).isEqualTo("ò".repeat(100));
    }

    @Test
    void aPhoneNumberWithLettersIsRefusedAsInvalid() {
        var m = MeetingScript.registrationOpen();
        Refusal refusal = m.refused(phone("a1"), new Command.Register("Hòa", "Thôn 1", null, "Đường", null, "09x2345678", null, null));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(refusal.en()).isEqualTo("A phone number has digits only");
    }

    @Test
    void aPhoneNumberLongerThanTwentyCharactersIsRefusedAsTooLong() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(phone("a1"), new Command.Register("Hòa", "Thôn 1", null, "Đường", null,
                "0".repeat(21), null, null))).isEqualTo(Refusal.FIELD_TOO_LONG);
    }

    @Test
    void aPhoneNumberMayHaveSpacesDotsDashesPlusAndBrackets() {
        var m = MeetingScript.registrationOpen();
        m.ok(phone("a1"), new Command.Register("Hòa", "Thôn 1", null, "Đường", null, "+84 (912) 345-67.8", null, null));
        assertThat(m.registration(1).phone()).isEqualTo("+84 (912) 345-67.8");
    }

    @Test
    void aNameTypedWithACombiningAccentIsStoredPrecomposed() {
        var m = MeetingScript.registrationOpen();
        String combining = "Ho\u0300a";
        assertThat(combining).isNotEqualTo("Hòa");
        m.register("a1", combining, "Thôn 1", "Đường");
        assertThat(m.registration(1).name()).isEqualTo("H\u00f2a");
    }

    @Test
    void whiteSpaceIsCollapsedInLinesAndControlCharactersDropped() {
        var m = MeetingScript.registrationOpen();
        m.ok(phone("a1"), new Command.Register("  Lê   Văn\tHòa \n", " Thôn\u0007  1 ", null, " Đường \r\n liên thôn ",
                "  Dòng một\r\nDòng hai\t \u0000 ", null, null, null));
        Registration r = m.registration(1);
        assertThat(r.name()).isEqualTo("Lê Văn Hòa");
        assertThat(r.village()).isEqualTo("Thôn 1");
        assertThat(r.topic()).isEqualTo("Đường liên thôn");
        assertThat(r.summary()).isEqualTo("Dòng một\nDòng hai");
    }

    @Test
    void aVillageReachesItsCapAndThenIsRefused() {
        var m = MeetingScript.created(MeetingScript.rules(300, 2, true));
        m.ok(CHAIR, new Command.OpenRegistration());
        m.register("a1", "Người một", "Thôn Kiến Minh", "Đường");
        m.register("a2", "Người hai", "Thôn Kiến Minh", "Điện");
        Refusal refusal = m.refused(phone("a3"), register("Người ba", "Thôn Kiến Minh", "Nước"));
        assertThat(refusal.code()).isEqualTo(Refusal.VILLAGE_CAP_REACHED);
        assertThat(refusal.en()).isEqualTo("Thôn Kiến Minh already has 2 registrations to speak");
        m.register("a3", "Người ba", "Thôn Khác", "Nước");
    }

    @Test
    void theVillageCapIgnoresCaseSpacingAndHowTheAccentWasTyped() {
        var m = MeetingScript.created(MeetingScript.rules(300, 2, true));
        m.ok(CHAIR, new Command.OpenRegistration());
        m.register("a1", "Người một", "Thôn Hòa Bình", "Đường");
        m.desk("Người hai", "THÔN  HÒA BÌNH", "Điện");
        assertThat(m.refusedCode(phone("a3"), register("Người ba", "thôn ho\u0300a bình", "Nước")))
                .isEqualTo(Refusal.VILLAGE_CAP_REACHED);
    }

    @Test
    void invisibleAndDirectionChangingCharactersAreDroppedFromEveryField() {
        var m = MeetingScript.registrationOpen();
        m.ok(phone("a1"), new Command.Register("\u202eNguyễn\u200b Văn\u00ad An\u2066", "Thôn\u00a01\u200e", null,
                "Đường\u200f\ufeff giao thông\ud800", "Dòng một\u2069\nDòng hai", null, null, null));
        Registration r = m.registration(1);
        assertThat(r.name()).isEqualTo("Nguyễn Văn An");
        assertThat(r.village()).isEqualTo("Thôn 1");
        assertThat(r.topic()).isEqualTo("Đường giao thông");
        assertThat(r.summary()).isEqualTo("Dòng một\nDòng hai");
    }

    @Test
    void aNameOfInvisibleCharactersOnlyIsRefusedAsMissing() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(phone("a1"), register("\u200b\u2066\u2069\u200e\u200f", "Thôn 1", "Đường")))
                .isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(phone("a1"), register("Người một", "\u202e\u00ad", "Đường")))
                .isEqualTo(Refusal.FIELD_MISSING);
    }

    @Test
    void lookAlikeVillagesWithHiddenCharactersCountAgainstTheSameCap() {
        var m = MeetingScript.created(MeetingScript.rules(300, 5, true));
        m.ok(CHAIR, new Command.OpenRegistration());
        for (int i = 1; i <= 5; i++) {
            m.register("a" + i, "Người " + i, "Thôn 1", "Đường");
        }
        for (String lookAlike : List.of("Thôn\u200b 1", "Thôn\u00ad 1", "Th\u200eôn 1", "\u2066Thôn 1\u2069",
                "Thôn\u00a01", "Thôn\u3000 1", "Thôn 1\ufeff")) {
            assertThat(m.refusedCode(phone("x" + lookAlike.hashCode()), register("Người khác", lookAlike, "Điện")))
                    .as("village %s", lookAlike.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(Refusal.VILLAGE_CAP_REACHED);
        }
    }

    @Test
    void theVillageCapAppliesAtTheDeskToo() {
        var m = MeetingScript.created(MeetingScript.rules(300, 1, true));
        m.ok(CHAIR, new Command.OpenRegistration());
        m.register("a1", "Người một", "Thôn 1", "Đường");
        assertThat(m.refusedCode(SECRETARY, new Command.RegisterAtDesk("Người hai", "Thôn 1", null, "Điện", null, null, null, null, null)))
                .isEqualTo(Refusal.VILLAGE_CAP_REACHED);
    }

    @Test
    void withdrawnAndRefusedRegistrationsFreeTheirVillagePlace() {
        var m = MeetingScript.created(MeetingScript.rules(300, 2, true));
        m.ok(CHAIR, new Command.OpenRegistration());
        int one = m.register("a1", "Người một", "Thôn 1", "Đường");
        int two = m.register("a2", "Người hai", "Thôn 1", "Điện");
        m.ok(phone("a1"), new Command.Withdraw(one));
        m.ok(CHAIR, new Command.RefuseRegistration(two, RefusalGround.INTOXICATED, null));
        m.register("a3", "Người ba", "Thôn 1", "Nước");
        m.register("a4", "Người bốn", "Thôn 1", "Trường");
        assertThat(m.refusedCode(phone("a5"), register("Người năm", "Thôn 1", "Chợ")))
                .isEqualTo(Refusal.VILLAGE_CAP_REACHED);
    }

    @Test
    void registrationsThatHaveSpokenStillCountAgainstTheVillageCap() {
        var m = MeetingScript.started(MeetingScript.rules(300, 1, true));
        int one = m.register("a1", "Người một", "Thôn 1", "Đường");
        m.speak(one, Duration.ofSeconds(60));
        assertThat(m.refusedCode(phone("a2"), register("Người hai", "Thôn 1", "Điện")))
                .isEqualTo(Refusal.VILLAGE_CAP_REACHED);
    }

    @Test
    void aCapOfZeroMeansNoCap() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        for (int i = 1; i <= 8; i++) {
            m.register("a" + i, "Người " + i, "Thôn 1", "Đường");
        }
        assertThat(m.state().queue()).hasSize(8);
    }

    @Test
    void onePhoneMayHoldAtMostThreeWaitingRegistrations() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        m.register("a1", "Hòa", "Thôn 1", "Một");
        m.register("a1", "Hòa", "Thôn 1", "Hai");
        int third = m.register("a1", "Hòa", "Thôn 1", "Ba");
        Refusal refusal = m.refused(phone("a1"), register("Hòa", "Thôn 1", "Bốn"));
        assertThat(refusal.code()).isEqualTo(Refusal.PHONE_CAP_REACHED);
        assertThat(refusal.en()).isEqualTo("One phone may hold at most 3 waiting registrations");

        m.register("a2", "Mai", "Thôn 1", "Khác");
        m.ok(phone("a1"), new Command.Withdraw(third));
        m.register("a1", "Hòa", "Thôn 1", "Bốn");
    }

    @Test
    void aRegistrationThatWasCalledNoLongerCountsAsWaitingForItsPhone() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, false));
        int first = m.register("a1", "Hòa", "Thôn 1", "Một");
        m.register("a1", "Hòa", "Thôn 1", "Hai");
        m.register("a1", "Hòa", "Thôn 1", "Ba");
        m.ok(CHAIR, new Command.CallSpeaker(first, null));
        m.register("a1", "Hòa", "Thôn 1", "Bốn");
        assertThat(m.state().queue()).hasSize(3);
    }

    // ---- at the desk --------------------------------------------------------------------

    @Test
    void theDeskRegistersWithANoteAndNoAttendee() {
        var m = MeetingScript.started();
        List<Event> events = m.ok(SECRETARY, new Command.RegisterAtDesk("Bà Trần Thị Mai", "Hội Phụ nữ", "Phụ nữ",
                "Vay vốn", null, "0987654321", "Không có điện thoại, nói chậm", null, null));
        assertThat(events).containsExactly(new Event.SpeakerRegistered(1, "Bà Trần Thị Mai", "Hội Phụ nữ", "Phụ nữ",
                "Vay vốn", null, "0987654321", "Không có điện thoại, nói chậm", Registration.Source.DESK, null, null, null));
        assertThat(m.registration(1).source()).isEqualTo(Registration.Source.DESK);
        assertThat(m.registration(1).attendeeId()).isNull();
    }

    @Test
    void theChairMayRegisterAtTheDeskToo() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.RegisterAtDesk("Mai", "Thôn 1", null, "Vay vốn", null, null, null, null, null));
        assertThat(m.state().queue()).containsExactly(1);
    }

    @Test
    void theDeskMayRegisterBeforeRegistrationOpens() {
        var m = MeetingScript.created();
        m.desk("Mai", "Thôn 1", "Vay vốn");
        assertThat(m.state().queue()).containsExactly(1);
    }

    @Test
    void theDeskChecksItsFieldsLikeAPhone() {
        var m = MeetingScript.started();
        assertThat(m.refusedCode(SECRETARY, new Command.RegisterAtDesk(null, "Thôn 1", null, "Đường", null, null, null, null, null)))
                .isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(SECRETARY, new Command.RegisterAtDesk("Mai", "Thôn 1", null, "Đường", null, null,
                "n".repeat(1001), null, null))).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(SECRETARY, new Command.RegisterAtDesk("Mai", "Thôn 1", null, "Đường", null, "gọi tôi",
                null, null, null))).isEqualTo(Refusal.FIELD_INVALID);
    }

    // ---- withdrawing --------------------------------------------------------------------

    @Test
    void anAttendeeWithdrawsItsOwnRegistrationWhichLeavesTheQueue() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int two = m.register("a2", "Mai", "Thôn 2", "Điện");
        assertThat(m.ok(phone("a1"), new Command.Withdraw(one))).containsExactly(new Event.RegistrationWithdrawn(one));
        assertThat(m.registration(one).status()).isEqualTo(Registration.Status.WITHDRAWN);
        assertThat(m.state().queue()).containsExactly(two);
    }

    @Test
    void anAttendeeCannotWithdrawAnotherAttendeesRegistration() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        Refusal refusal = m.refused(phone("a2"), new Command.Withdraw(one));
        assertThat(refusal.code()).isEqualTo(Refusal.NOT_YOURS);
    }

    @Test
    void anAttendeeCannotWithdrawADeskRegistration() {
        var m = MeetingScript.started();
        int one = m.desk("Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(phone("a1"), new Command.Withdraw(one))).isEqualTo(Refusal.NOT_YOURS);
    }

    @Test
    void theSecretaryMayWithdrawAnyRegistration() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        int two = m.desk("Mai", "Thôn 2", "Điện");
        m.ok(SECRETARY, new Command.Withdraw(one));
        m.ok(SECRETARY, new Command.Withdraw(two));
        assertThat(m.state().queue()).isEmpty();
    }

    @Test
    void withdrawingAfterBeingCalledIsRefused() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.callNext();
        assertThat(m.refusedCode(phone("a1"), new Command.Withdraw(one))).isEqualTo(Refusal.WRONG_STATE);
        m.ok(CHAIR, new Command.EndSlot());
        assertThat(m.refusedCode(phone("a1"), new Command.Withdraw(one))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void withdrawingTwiceOrAnUnknownRegistrationIsRefused() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.ok(phone("a1"), new Command.Withdraw(one));
        assertThat(m.refusedCode(phone("a1"), new Command.Withdraw(one))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(phone("a1"), new Command.Withdraw(99))).isEqualTo(Refusal.NOT_FOUND);
    }

    // ---- editing ------------------------------------------------------------------------

    @Test
    void theSecretaryEditsTopicSummaryAndNoteCleaned() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Duong");
        assertThat(m.ok(SECRETARY, new Command.EditRegistration(one, " Đường  liên thôn ", "Đường hỏng\r\nđã lâu", "Ưu tiên")))
                .containsExactly(new Event.RegistrationEdited(one, "Đường liên thôn", "Đường hỏng\nđã lâu", "Ưu tiên"));
        Registration r = m.registration(one);
        assertThat(r.topic()).isEqualTo("Đường liên thôn");
        assertThat(r.summary()).isEqualTo("Đường hỏng\nđã lâu");
        assertThat(r.note()).isEqualTo("Ưu tiên");
        assertThat(r.name()).isEqualTo("Hòa");
        assertThat(r.status()).isEqualTo(Registration.Status.WAITING);
    }

    @Test
    void aNullFieldInAnEditKeepsWhatWasThere() {
        var m = MeetingScript.started();
        m.ok(SECRETARY, new Command.RegisterAtDesk("Mai", "Thôn 1", null, "Vay vốn", "Tóm tắt", null, "Ghi chú", null, null));
        m.ok(SECRETARY, new Command.EditRegistration(1, null, null, "Ghi chú mới"));
        Registration r = m.registration(1);
        assertThat(r.topic()).isEqualTo("Vay vốn");
        assertThat(r.summary()).isEqualTo("Tóm tắt");
        assertThat(r.note()).isEqualTo("Ghi chú mới");
    }

    @Test
    void anEditCannotEmptyTheTopicOrOverrunALimit() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(SECRETARY, new Command.EditRegistration(one, "  ", null, null))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(SECRETARY, new Command.EditRegistration(one, null, "s".repeat(1001), null)))
                .isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(SECRETARY, new Command.EditRegistration(one, null, null, "n".repeat(1001))))
                .isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(SECRETARY, new Command.EditRegistration(42, "Đường", null, null))).isEqualTo(Refusal.NOT_FOUND);
    }

    // ---- moving -------------------------------------------------------------------------

    @Test
    void theChairMovesARegistrationToAGivenPlace() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        for (int i = 1; i <= 4; i++) {
            m.desk("Người " + i, "Thôn " + i, "Việc " + i);
        }
        assertThat(m.ok(CHAIR, new Command.MoveRegistration(4, 1))).containsExactly(new Event.RegistrationMoved(4, 1));
        assertThat(m.state().queue()).containsExactly(1, 4, 2, 3);
        m.ok(CHAIR, new Command.MoveRegistration(1, 2));
        assertThat(m.state().queue()).containsExactly(4, 2, 1, 3);
    }

    @Test
    void aPlacePastEitherEndOfTheQueueMeansThatEnd() {
        var m = MeetingScript.started();
        for (int i = 1; i <= 3; i++) {
            m.desk("Người " + i, "Thôn " + i, "Việc " + i);
        }
        assertThat(m.ok(CHAIR, new Command.MoveRegistration(1, 99))).containsExactly(new Event.RegistrationMoved(1, 2));
        assertThat(m.state().queue()).containsExactly(2, 3, 1);
        assertThat(m.ok(CHAIR, new Command.MoveRegistration(1, -5))).containsExactly(new Event.RegistrationMoved(1, 0));
        assertThat(m.state().queue()).containsExactly(1, 2, 3);
    }

    @Test
    void movingARegistrationToWhereItIsIsRefused() {
        var m = MeetingScript.started();
        m.desk("Người 1", "Thôn 1", "Việc 1");
        m.desk("Người 2", "Thôn 2", "Việc 2");
        assertThat(m.refusedCode(CHAIR, new Command.MoveRegistration(1, 0))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.MoveRegistration(2, 7))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void movingARegistrationThatIsNotWaitingOrUnknownIsRefused() {
        var m = MeetingScript.started();
        int one = m.desk("Người 1", "Thôn 1", "Việc 1");
        m.desk("Người 2", "Thôn 2", "Việc 2");
        m.callNext();
        assertThat(m.refusedCode(CHAIR, new Command.MoveRegistration(one, 1))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.MoveRegistration(9, 1))).isEqualTo(Refusal.NOT_FOUND);
    }

    // ---- refusing -----------------------------------------------------------------------

    @Test
    void theChairRefusesARegistrationOnAGroundWhichGoesOnTheRecord() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Lê Văn Hòa", "Thôn 1", "Đường");
        int two = m.register("a2", "Mai", "Thôn 2", "Điện");
        m.advanceSeconds(75);
        assertThat(m.ok(CHAIR, new Command.RefuseRegistration(one, RefusalGround.CASE_FINALLY_DECIDED, " Quyết định số 12 ")))
                .containsExactly(new Event.RegistrationRefused(one, RefusalGround.CASE_FINALLY_DECIDED, "Quyết định số 12"));

        Registration r = m.registration(one);
        assertThat(r.status()).isEqualTo(Registration.Status.REFUSED);
        assertThat(r.refusalGround()).isEqualTo("CASE_FINALLY_DECIDED");
        assertThat(r.refusalText()).isEqualTo("Quyết định số 12");
        assertThat(m.state().queue()).containsExactly(two);
        MinuteEntry line = m.lastMinute();
        assertThat(line.automatic()).isTrue();
        assertThat(line.text()).isEqualTo("08:01 — Chủ trì không đồng ý cho Lê Văn Hòa (Thôn 1) phát biểu. Lý do: "
                + RefusalGround.CASE_FINALLY_DECIDED.vi + " — Quyết định số 12.");
        assertThat(line.textEn()).isEqualTo("08:01 — The chair refused the floor to Lê Văn Hòa (Thôn 1). Reason: "
                + "Complaint already finally decided — Quyết định số 12.");
    }

    @Test
    void aRefusalWithAGroundAloneNamesTheGround() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.ok(CHAIR, new Command.RefuseRegistration(one, RefusalGround.INTOXICATED, "   "));
        assertThat(m.registration(one).refusalText()).isNull();
        assertThat(m.lastMinute().textEn()).endsWith("Reason: Under the influence of alcohol or drugs.");
    }

    @Test
    void aRefusalNeedsAGround() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        Refusal refusal = m.refused(CHAIR, new Command.RefuseRegistration(one, null, "Say rượu"));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(refusal.en()).isEqualTo("Pick a ground or write another reason");
    }

    @Test
    void anOtherGroundNeedsAText() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(CHAIR, new Command.RefuseRegistration(one, RefusalGround.OTHER, null)))
                .isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(CHAIR, new Command.RefuseRegistration(one, RefusalGround.OTHER, " \t ")))
                .isEqualTo(Refusal.FIELD_MISSING);

        m.ok(CHAIR, new Command.RefuseRegistration(one, RefusalGround.OTHER, "Nội dung không thuộc thẩm quyền xã"));
        assertThat(m.lastMinute().text()).endsWith("Lý do: Nội dung không thuộc thẩm quyền xã.");
    }

    @Test
    void aRefusalReasonLongerThanFiveHundredCharactersIsRefused() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        assertThat(m.refusedCode(CHAIR, new Command.RefuseRegistration(one, RefusalGround.OTHER, "r".repeat(501))))
                .isEqualTo(Refusal.FIELD_TOO_LONG);
    }

    @Test
    void refusingARegistrationThatIsNotWaitingOrUnknownIsRefused() {
        var m = MeetingScript.started();
        int one = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.ok(phone("a1"), new Command.Withdraw(one));
        assertThat(m.refusedCode(CHAIR, new Command.RefuseRegistration(one, RefusalGround.BREAKS_RULES, null)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(CHAIR, new Command.RefuseRegistration(5, RefusalGround.BREAKS_RULES, null)))
                .isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void afterTheCloseNobodyCanWithdrawOrBeRefused() {
        var m = MeetingScript.started(MeetingScript.rules(300, 0, true));
        int waiting = m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.ok(MeetingScript.CHAIR, new Command.CloseMeeting());

        assertThat(m.refused(phone("a1"), new Command.Withdraw(waiting)).code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refused(MeetingScript.CHAIR, new Command.RefuseRegistration(waiting, RefusalGround.BREAKS_RULES, null)).code())
                .isEqualTo(Refusal.WRONG_STATE);
    }
}
