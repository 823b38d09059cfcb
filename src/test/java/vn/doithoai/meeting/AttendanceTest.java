package vn.doithoai.meeting;

import org.junit.jupiter.api.Test;
import vn.doithoai.codec.Json;
import vn.doithoai.rules.Refusal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.ORGANISER;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;

/** Invitations and check-in (issue "Before the meeting" §5; plan 004 II.2.1: a village invites at most 5). */
class AttendanceTest {

    static final Actor DOOR = Actor.DOOR;

    private static Command.AddInvitation villager(String name, String village, String code) {
        return new Command.AddInvitation(Invitation.Kind.INVITEE, name, null, null, village, code);
    }

    private static Command.AddInvitation delegate(String name, String title, String office, String code) {
        return new Command.AddInvitation(Invitation.Kind.DELEGATE, name, title, office, null, code);
    }

    /** A meeting with a delegate (code DLG01) and two villagers of Thôn Broch (HOA01, MAI01). */
    private static MeetingScript invited() {
        var m = MeetingScript.created();
        m.ok(ORGANISER, delegate("Rơ Mah Thuận", "Trưởng Công an xã", "Công an xã", "DLG01"));
        m.ok(ORGANISER, villager("Lê Văn Hòa", "Thôn Broch", "HOA01"));
        m.ok(ORGANISER, villager("Trần Thị Mai", "Thôn Broch", "MAI01"));
        return m;
    }

    // ---- the invitation list ----------------------------------------------------------------

    @Test
    void theOrganiserInvitesADelegateAndAVillagerEachWithAPersonalCode() {
        var m = MeetingScript.created();
        List<Event> events = m.ok(ORGANISER, delegate(" Rơ Mah  Thuận ", "Trưởng Công an xã", "Công an xã", "dlg-01"));
        assertThat(events).containsExactly(new Event.InvitationAdded(1, Invitation.Kind.DELEGATE, "Rơ Mah Thuận",
                "Trưởng Công an xã", "Công an xã", null, "DLG01"));
        m.ok(ORGANISER, villager("Lê Văn Hòa", "Thôn Broch", "HOA01"));

        assertThat(m.state().invitations()).extracting(Invitation::name).containsExactly("Rơ Mah Thuận", "Lê Văn Hòa");
        assertThat(m.state().invitation(2).orElseThrow().village()).isEqualTo("Thôn Broch");
        assertThat(m.state().headCount()).isEqualTo(new HeadCount(1, 0, 1, 0, 0));
    }

    @Test
    void aDelegateKeepsNoVillageTitleOrOfficeOnlyIfGivenAndAVillagerKeepsNoTitle() {
        var m = MeetingScript.created();
        m.ok(ORGANISER, new Command.AddInvitation(Invitation.Kind.INVITEE, "Lê Văn Hòa", "Ông", "UBND", "Thôn 1", "HOA01"));
        assertThat(m.state().invitation(1).orElseThrow().title()).isNull();
        assertThat(m.state().invitation(1).orElseThrow().office()).isNull();
    }

    @Test
    void aVillageInvitesAtMostFiveWhateverTheCaseOfItsName() {
        var m = MeetingScript.created();
        for (int i = 1; i <= 5; i++) {
            m.ok(ORGANISER, villager("Người " + i, i % 2 == 0 ? "THÔN BROCH" : "Thôn Broch", "BRO0" + i));
        }
        Refusal sixth = m.refused(ORGANISER, villager("Người 6", "thôn broch", "BRO06"));
        assertThat(sixth.code()).isEqualTo(Refusal.VILLAGE_CAP_REACHED);
        assertThat(sixth.vi()).isEqualTo("thôn broch đã mời đủ 5 người");
        assertThat(sixth.en()).isEqualTo("thôn broch has invited 5 people already");
        m.ok(ORGANISER, villager("Người 6", "Làng Bi", "BIX01"));
    }

    @Test
    void anInvitationTakenBackFreesItsPlaceAndDelegatesCountInNoVillage() {
        var m = MeetingScript.created();
        for (int i = 1; i <= 5; i++) {
            m.ok(ORGANISER, villager("Người " + i, "Thôn Broch", "BRO0" + i));
        }
        m.ok(ORGANISER, new Command.AddInvitation(Invitation.Kind.DELEGATE, "Bí thư chi bộ", null, null, "Thôn Broch", "DLG01"));
        m.ok(ORGANISER, new Command.RemoveInvitation(2));
        m.ok(ORGANISER, villager("Người 6", "Thôn Broch", "BRO06"));

        assertThat(m.state().invitation(2).orElseThrow().removed()).isTrue();
        assertThat(m.state().headCount()).isEqualTo(new HeadCount(1, 0, 5, 0, 0));
    }

    @Test
    void theCapIsTheOrganisersToSetAndZeroMeansNoCap() {
        var m = MeetingScript.created(new SpeakingRules(300, 60, 5, true, 300, 2));
        m.ok(ORGANISER, villager("A", "Thôn 1", "AAA01"));
        m.ok(ORGANISER, villager("B", "Thôn 1", "BBB01"));
        assertThat(m.refusedCode(ORGANISER, villager("C", "Thôn 1", "CCC01"))).isEqualTo(Refusal.VILLAGE_CAP_REACHED);

        m.ok(ORGANISER, new Command.ChangeSetup(MeetingScript.setup(new SpeakingRules(300, 60, 5, true, 300, 0))));
        m.ok(ORGANISER, villager("C", "Thôn 1", "CCC01"));
        assertThat(m.state().headCount().inviteesInvited()).isEqualTo(3);
    }

    @Test
    void aSetupWithoutTheCapHasThePlansFiveAndACapOutOfRangeIsRefused() throws Exception {
        SpeakingRules old = Json.read("{\"slotSeconds\":300,\"warningSeconds\":60,\"perVillageCap\":5,"
                + "\"firstTimersFirst\":true,\"responseSeconds\":300}", SpeakingRules.class);
        assertThat(old.invitesPerVillage()).isEqualTo(5);
        assertThat(SpeakingRules.DEFAULT.invitesPerVillage()).isEqualTo(5);

        var m = MeetingScript.created();
        Refusal refusal = m.refused(ORGANISER, new Command.ChangeSetup(MeetingScript.setup(
                new SpeakingRules(300, 60, 5, true, 300, 1001))));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(refusal.vi()).isEqualTo("Số người được mời mỗi thôn phải từ 0 (không giới hạn) đến 1000");
        assertThat(m.refusedCode(ORGANISER, new Command.ChangeSetup(MeetingScript.setup(
                new SpeakingRules(300, 60, 5, true, 300, -1))))).isEqualTo(Refusal.FIELD_INVALID);
    }

    @Test
    void anInvitationNeedsAKindANameAVillageForAVillagerAndAWellFormedUnusedCode() {
        var m = invited();
        assertThat(m.refused(ORGANISER, new Command.AddInvitation(null, "A", null, null, "Thôn 1", "AAA01")).en())
                .isEqualTo("Missing: Kind of invitation");
        assertThat(m.refused(ORGANISER, villager("  ", "Thôn 1", "AAA01")).en()).isEqualTo("Missing: Name");
        assertThat(m.refused(ORGANISER, villager("A", null, "AAA01")).en()).isEqualTo("Missing: Village or organisation");
        assertThat(m.refusedCode(ORGANISER, villager("a".repeat(101), "Thôn 1", "AAA01"))).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(m.refusedCode(ORGANISER, villager("A", "Thôn 1", "ÀB"))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(ORGANISER, villager("A", "Thôn 1", null))).isEqualTo(Refusal.FIELD_INVALID);
        Refusal taken = m.refused(ORGANISER, villager("A", "Thôn 1", "hoa-01"));
        assertThat(taken.code()).isEqualTo(Refusal.CODE_TAKEN);
        assertThat(taken.en()).isEqualTo("The personal code HOA01 is taken");
    }

    @Test
    void anUnknownOrTakenBackInvitationCannotBeTakenBack() {
        var m = invited();
        assertThat(m.refused(ORGANISER, new Command.RemoveInvitation(9)).vi()).isEqualTo("Không có giấy mời số 9");
        m.ok(ORGANISER, new Command.RemoveInvitation(3));
        assertThat(m.refusedCode(ORGANISER, new Command.RemoveInvitation(3))).isEqualTo(Refusal.NOT_FOUND);
    }

    // ---- check-in ---------------------------------------------------------------------------

    @Test
    void theDoorChecksInByThePersonalCodeTypedAnyWay() {
        var m = invited();
        m.advanceSeconds(12 * 60);
        List<Event> events = m.ok(DOOR, new Command.CheckIn(" hoa-01 ", null));

        assertThat(events).containsExactly(new Event.CheckedIn(2, null, null, null, Role.DOOR));
        Invitation hoa = m.state().invitation(2).orElseThrow();
        assertThat(hoa.checkedInAt()).isEqualTo(m.now());
        assertThat(hoa.checkedInBy()).isEqualTo(Role.DOOR);
        assertThat(m.state().headCount()).isEqualTo(new HeadCount(1, 0, 2, 1, 0));
    }

    @Test
    void aSecondCheckInIsRefusedPolitelyWithTheTimeOfTheFirstAndChangesNothing() {
        var m = invited();
        m.advanceSeconds(12 * 60); // 08:12 in the hall
        m.ok(DOOR, new Command.CheckIn("HOA01", null));
        m.advanceSeconds(600);

        Refusal again = m.refused(DOOR, new Command.CheckIn("HOA01", null));
        assertThat(again.code()).isEqualTo(Refusal.ALREADY_CHECKED_IN);
        assertThat(again.vi()).isEqualTo("Lê Văn Hòa đã điểm danh lúc 08:12. Xin cảm ơn!");
        assertThat(again.en()).isEqualTo("Lê Văn Hòa checked in already, at 08:12. Thank you!");
        assertThat(m.refusedCode(SECRETARY, new Command.CheckIn(null, 2))).isEqualTo(Refusal.ALREADY_CHECKED_IN);
    }

    @Test
    void anUnknownCodeIsRefusedWithTheCodeAsTypedAndChangesNothing() {
        var m = invited();
        Refusal unknown = m.refused(DOOR, new Command.CheckIn("xyz-99", null));
        assertThat(unknown.code()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(unknown.vi()).isEqualTo("Không có giấy mời nào mang mã XYZ99. Xin kiểm tra lại mã.");
        assertThat(unknown.en()).isEqualTo("No invitation has the code XYZ99. Please check the code.");
        assertThat(m.refused(DOOR, new Command.CheckIn("<b>" + "9".repeat(40), null)).vi())
                .isEqualTo("Không có giấy mời nào mang mã B99999999999…. Xin kiểm tra lại mã.");
        assertThat(m.refusedCode(DOOR, new Command.CheckIn(" - ", null))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(DOOR, new Command.CheckIn(null, null))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(SECRETARY, new Command.CheckIn("HOA01", 2))).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(m.refusedCode(SECRETARY, new Command.CheckIn(null, 7))).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void anInvitationTakenBackCannotCheckInAndOneCheckedInCannotBeTakenBack() {
        var m = invited();
        m.ok(ORGANISER, new Command.RemoveInvitation(3));
        Refusal gone = m.refused(DOOR, new Command.CheckIn("MAI01", null));
        assertThat(gone.code()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(gone.vi()).isEqualTo("Giấy mời của Trần Thị Mai đã được hủy");

        m.ok(DOOR, new Command.CheckIn("HOA01", null));
        Refusal kept = m.refused(ORGANISER, new Command.RemoveInvitation(2));
        assertThat(kept.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(kept.vi()).isEqualTo("Lê Văn Hòa đã điểm danh lúc 08:00: giấy mời được giữ trong biên bản");
    }

    @Test
    void atTheDeskTheSecretaryChecksInTheInvitationFoundByName() {
        var m = invited();
        m.ok(SECRETARY, new Command.CheckIn(null, 1));
        assertThat(m.state().invitation(1).orElseThrow().checkedInBy()).isEqualTo(Role.SECRETARY);
        assertThat(m.state().headCount()).isEqualTo(new HeadCount(1, 1, 2, 0, 0));
    }

    @Test
    void walkInsAreCountedWithOrWithoutANameAtTheDoorOrTheDesk() {
        var m = invited();
        List<Event> events = m.ok(DOOR, new Command.CheckInWalkIn(null, null));
        assertThat(events).containsExactly(new Event.CheckedIn(null, 1, null, null, Role.DOOR));
        m.ok(SECRETARY, new Command.CheckInWalkIn(" Y  Nhân ", "Làng Bi"));

        assertThat(m.state().walkIns()).containsExactly(new WalkIn(1, null, null, m.now(), Role.DOOR),
                new WalkIn(2, "Y Nhân", "Làng Bi", m.now(), Role.SECRETARY));
        assertThat(m.state().headCount().walkIns()).isEqualTo(2);
        assertThat(m.refusedCode(DOOR, new Command.CheckInWalkIn("a".repeat(101), null))).isEqualTo(Refusal.FIELD_TOO_LONG);
    }

    @Test
    void peopleArriveBeforeAndDuringTheMeetingButNothingChangesAfterTheClose() {
        var m = invited();
        m.ok(CHAIR, new Command.OpenRegistration());
        m.ok(DOOR, new Command.CheckIn("DLG01", null));
        m.ok(CHAIR, new Command.StartMeeting());
        m.ok(DOOR, new Command.CheckIn("HOA01", null));
        m.ok(CHAIR, new Command.CloseMeeting());

        assertThat(m.refusedCode(DOOR, new Command.CheckIn("MAI01", null))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(DOOR, new Command.CheckInWalkIn(null, null))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(ORGANISER, villager("A", "Thôn 1", "AAA01"))).isEqualTo(Refusal.WRONG_STATE);
        assertThat(m.refusedCode(ORGANISER, new Command.RemoveInvitation(3))).isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void onlyTheDoorAndTheSecretaryCheckInAndOnlyTheOrganiserInvites() {
        var m = invited();
        for (Actor actor : List.of(CHAIR, ORGANISER, Actor.DISPLAY, Actor.attendee("a1"))) {
            assertThat(m.refusedCode(actor, new Command.CheckIn("HOA01", null))).as(actor.label()).isEqualTo(Refusal.WRONG_ROLE);
            assertThat(m.refusedCode(actor, new Command.CheckInWalkIn(null, null))).as(actor.label()).isEqualTo(Refusal.WRONG_ROLE);
        }
        for (Actor actor : List.of(DOOR, SECRETARY, CHAIR, Actor.attendee("a1"))) {
            assertThat(m.refusedCode(actor, villager("A", "Thôn 1", "AAA01"))).as(actor.label()).isEqualTo(Refusal.WRONG_ROLE);
            assertThat(m.refusedCode(actor, new Command.RemoveInvitation(2))).as(actor.label()).isEqualTo(Refusal.WRONG_ROLE);
        }
        for (Command command : List.of(new Command.CallNext(null), new Command.RecordMinute("Ý kiến.", null),
                new Command.RegisterAtDesk("A", "Thôn 1", null, "Đường", null, null, null, null, null))) {
            assertThat(m.refusedCode(DOOR, command)).as("%s", command).isEqualTo(Refusal.WRONG_ROLE);
        }
    }

    // ---- the record -------------------------------------------------------------------------

    @Test
    void replayingTheAttendanceRecordBuildsTheSameStateAndItsJsonReadsBack() throws Exception {
        var m = invited();
        m.advanceSeconds(300);
        m.ok(DOOR, new Command.CheckIn("HOA01", null));
        m.ok(ORGANISER, new Command.RemoveInvitation(3));
        m.ok(SECRETARY, new Command.CheckInWalkIn("Y Nhân", null));

        assertThat(MeetingRules.replay(m.recorded())).isEqualTo(m.state());
        assertThat(Json.read(Json.write(m.state()), MeetingState.class)).isEqualTo(m.state());
    }

    @Test
    void aStateSavedBeforeAttendanceWasRecordedReadsBackWithNone() throws Exception {
        var m = MeetingScript.created();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(m.state());
        json.remove(List.of("invitations", "walkIns", "headCount"));
        MeetingState read = Json.read(json, MeetingState.class);
        assertThat(read.invitations()).isEmpty();
        assertThat(read.walkIns()).isEmpty();
        assertThat(read.headCount()).isEqualTo(HeadCount.NONE);
    }

    // ---- who sees it ------------------------------------------------------------------------

    private static final Visibility.Viewer DISPLAY_VIEW = Visibility.Viewer.of(Actor.DISPLAY);
    private static final Visibility.Viewer PHONE_VIEW = Visibility.Viewer.of(Actor.attendee("a1"));
    private static final Visibility.Viewer DOOR_VIEW = Visibility.Viewer.of(DOOR);

    /** Invitations, one check-in, a named walk-in and a speaker's phone number and note. */
    private static MeetingScript arrived() {
        var m = invited();
        m.ok(CHAIR, new Command.OpenRegistration());
        m.ok(DOOR, new Command.CheckIn("HOA01", null));
        m.ok(SECRETARY, new Command.CheckInWalkIn("Y Nhân", "Làng Bi"));
        m.ok(SECRETARY, new Command.RegisterAtDesk("Siu Thuấn", "Làng Dơ Lâm", null, "Đất", null, "0905123456",
                "Ghi chú riêng", null, null));
        return m;
    }

    @Test
    void theDisplayAndThePhonesSeeTheHeadCountButNoInvitedPerson() {
        var m = arrived();
        for (Visibility.Viewer viewer : List.of(DISPLAY_VIEW, PHONE_VIEW)) {
            PublicState shown = Visibility.publicState(m.state(), viewer);
            assertThat(shown.headCount()).isEqualTo(new HeadCount(1, 0, 2, 1, 1));
            assertThat(shown.invitations()).isEmpty();
            assertThat(shown.walkIns()).isEmpty();
            assertThat(Json.write(shown)).doesNotContain("Rơ Mah Thuận", "Lê Văn Hòa", "Trần Thị Mai", "Y Nhân",
                    "HOA01", "Công an xã");
        }
    }

    @Test
    void theDoorSeesTheInvitationsButNoSpeakersPrivateData() {
        var m = arrived();
        PublicState shown = Visibility.publicState(m.state(), DOOR_VIEW);
        assertThat(shown.invitations()).extracting(Invitation::code).containsExactly("DLG01", "HOA01", "MAI01");
        assertThat(shown.walkIns()).extracting(WalkIn::name).containsExactly("Y Nhân");
        assertThat(shown.registrations()).isEmpty();
        assertThat(Json.write(shown)).doesNotContain("0905123456", "Ghi chú riêng");
    }

    @Test
    void anArrivalReachesTheHallAsNumbersOnly() {
        var m = arrived();
        MeetingState before = m.state();
        Event added = m.ok(ORGANISER, villager("Đinh Văn Nguyên", "Làng Bi", "NGU01")).get(0);
        Event walkIn = m.ok(DOOR, new Command.CheckInWalkIn("Ksor Ban", "Làng Bi")).get(0);
        StatePatch patch = StatePatch.between(before, m.state());

        for (Visibility.Viewer viewer : List.of(DISPLAY_VIEW, PHONE_VIEW)) {
            assertThat(patch.visibleTo(viewer).parts()).containsOnlyKeys("headCount");
            assertThat(Json.write(Visibility.event(added, viewer, false))).doesNotContain("Đinh Văn Nguyên", "NGU01", "Làng Bi");
            assertThat(Visibility.event(walkIn, viewer, false)).isEqualTo(new Event.CheckedIn(null, 2, null, null, Role.DOOR));
        }
        assertThat(patch.visibleTo(DOOR_VIEW).parts()).containsOnlyKeys("invitations", "walkIns", "headCount");
        assertThat(Visibility.event(added, DOOR_VIEW, false)).isEqualTo(added);
        assertThat(patch.visibleTo(Visibility.Viewer.of(CHAIR)).parts()).containsKeys("invitations", "walkIns", "headCount");
    }

    @Test
    void theDoorGetsASpeakersRegistrationAsTheDisplayDoes() {
        var m = arrived();
        MeetingState before = m.state();
        Event registered = m.ok(SECRETARY, new Command.RegisterAtDesk("Rơ Chăm H'Bia", "Làng Bi", null, "Nước",
                "Tóm tắt", "0912000111", "Riêng", 3, null)).get(0);
        assertThat(Visibility.event(registered, DOOR_VIEW, false))
                .isEqualTo(Visibility.event(registered, DISPLAY_VIEW, false));
        assertThat(StatePatch.between(before, m.state()).visibleTo(DOOR_VIEW).parts()).doesNotContainKey("registrations");
    }
}
