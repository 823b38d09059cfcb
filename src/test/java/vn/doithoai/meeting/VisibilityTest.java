package vn.doithoai.meeting;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;

class VisibilityTest {

    private static final Visibility.Viewer DISPLAY = Visibility.Viewer.of(Actor.DISPLAY);
    private static final Visibility.Viewer OWNER = Visibility.Viewer.of(Actor.attendee("a1"));
    private static final Visibility.Viewer OTHER = Visibility.Viewer.of(Actor.attendee("a2"));

    /** One phone registration (with a note added by the secretary) and one desk registration. */
    private static MeetingScript withPrivateData() {
        var m = MeetingScript.started();
        m.ok(Actor.attendee("a1"), new Command.Register("Lê Văn Hòa", "Thôn 1", null, "Đường", "Tóm tắt", "0912345678", null, null));
        m.ok(SECRETARY, new Command.RegisterAtDesk("Trần Thị Mai", "Thôn 2", null, "Vay vốn", null, "0987654321",
                "Khiếm thính, cần ngồi gần", null, null));
        m.ok(SECRETARY, new Command.EditRegistration(1, null, null, "Đã khiếu nại nhiều lần"));
        return m;
    }

    // ---- the state ----------------------------------------------------------------------

    @Test
    void theDisplaySeesNoRegistrationsOnlyTheNextSpeakersByNameAndVillage() {
        var m = withPrivateData();
        PublicState shown = Visibility.publicState(m.state(), DISPLAY);
        assertThat(shown.registrations()).isEmpty();
        assertThat(shown.queue()).containsExactly(1, 2);
        assertThat(shown.next()).containsExactly(new NextSpeaker(1, "Lê Văn Hòa", "Thôn 1"),
                new NextSpeaker(2, "Trần Thị Mai", "Thôn 2"));
        assertThat(shown.toString()).doesNotContain("0912345678", "0987654321", "Khiếm thính", "Đã khiếu nại",
                "Đường", "Vay vốn", "Tóm tắt", "a1");
    }

    @Test
    void anotherAttendeeSeesNoOneElsesRegistration() {
        var m = withPrivateData();
        PublicState shown = Visibility.publicState(m.state(), OTHER);
        assertThat(shown.registrations()).isEmpty();
        assertThat(shown.next()).extracting(NextSpeaker::name).containsExactly("Lê Văn Hòa", "Trần Thị Mai");
    }

    @Test
    void theOwningAttendeeSeesItsOwnPhoneButNotTheSecretarysNote() {
        var m = withPrivateData();
        PublicState shown = Visibility.publicState(m.state(), OWNER);
        assertThat(shown.registrations().keySet()).containsExactly(1);
        Registration own = shown.registrations().get(1);
        assertThat(own.phone()).isEqualTo("0912345678");
        assertThat(own.attendeeId()).isEqualTo("a1");
        assertThat(own.topic()).isEqualTo("Đường");
        assertThat(own.note()).isNull();
    }

    @Test
    void hidingChangesOnlyTheRegistrationsAndTheSecretarysLines() {
        var m = withPrivateData();
        m.callNext();
        m.ok(SECRETARY, new Command.RecordMinute("Ý kiến.", null));
        MeetingState s = m.state();
        PublicState shown = Visibility.publicState(s, DISPLAY);
        assertThat(shown.setup()).isEqualTo(s.setup());
        assertThat(shown.status()).isEqualTo(s.status());
        assertThat(shown.stepIndex()).isEqualTo(s.stepIndex());
        assertThat(shown.listOpen()).isEqualTo(s.listOpen());
        assertThat(shown.queue()).isEqualTo(s.queue());
        assertThat(shown.floor()).isEqualTo(s.floor());
        assertThat(shown.turns()).isEqualTo(s.turns());
        assertThat(shown.minutes()).isEqualTo(s.minutes().stream().filter(MinuteEntry::automatic).toList()).isNotEmpty();
        assertThat(shown.conclusions()).isEqualTo(s.conclusions());
        assertThat(shown.startedAt()).isEqualTo(s.startedAt());
        assertThat(shown.closedAt()).isEqualTo(s.closedAt());
    }

    @Test
    void theHallSeesTheFirstTenOfTheQueueInSpeakingOrder() {
        var m = MeetingScript.started();
        for (int i = 1; i <= 12; i++) {
            m.ok(SECRETARY, new Command.RegisterAtDesk("Người " + i, "Thôn " + i, null, "Chủ đề", null, null, null, null, null));
        }
        m.ok(CHAIR, new Command.MoveRegistration(12, 0));
        PublicState shown = Visibility.publicState(m.state(), DISPLAY);
        assertThat(shown.queue()).hasSize(12);
        assertThat(shown.next()).hasSize(NextSpeaker.SHOWN);
        assertThat(shown.next()).extracting(NextSpeaker::id).containsExactly(12, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void staffSeeTheWholeState() {
        var m = withPrivateData();
        for (Actor staff : List.of(Actor.CHAIR, Actor.SECRETARY, Actor.ORGANISER, Actor.SERVER)) {
            assertThat(Visibility.snapshot(m.state(), Visibility.Viewer.of(staff))).isSameAs(m.state());
        }
        assertThat(m.registration(1).note()).isEqualTo("Đã khiếu nại nhiều lần");
        assertThat(m.registration(2).phone()).isEqualTo("0987654321");
    }

    // ---- events -------------------------------------------------------------------------

    @Test
    void aRegistrationEventReachesTheDisplayAndOtherAttendeesWithNameAndVillageOnly() {
        var m = withPrivateData();
        var phoneEvent = (Event.SpeakerRegistered) m.events().get(3);
        var deskEvent = (Event.SpeakerRegistered) m.events().get(4);
        assertThat(phoneEvent.attendeeId()).isEqualTo("a1");
        assertThat(deskEvent.note()).isNotNull();

        for (Visibility.Viewer viewer : List.of(DISPLAY, OTHER)) {
            assertThat(Visibility.event(phoneEvent, viewer, false)).isEqualTo(new Event.SpeakerRegistered(1, "Lê Văn Hòa", "Thôn 1",
                    null, null, null, null, null, Registration.Source.PHONE, null, null, null));
            assertThat(Visibility.event(deskEvent, viewer, false)).isEqualTo(new Event.SpeakerRegistered(2, "Trần Thị Mai", "Thôn 2",
                    null, null, null, null, null, Registration.Source.DESK, null, null, null));
        }
    }

    @Test
    void theOwningAttendeeGetsItsOwnRegistrationEventWithItsPhone() {
        var m = withPrivateData();
        var phoneEvent = (Event.SpeakerRegistered) m.events().get(3);
        assertThat(Visibility.event(phoneEvent, OWNER, true)).isEqualTo(phoneEvent);
    }

    @Test
    void anEditReachesItsAttendeeWithoutTheNoteAndOthersWithNothingButTheId() {
        var m = withPrivateData();
        var edit = (Event.RegistrationEdited) m.events().get(5);
        assertThat(edit.note()).isEqualTo("Đã khiếu nại nhiều lần");
        assertThat(Visibility.event(edit, OWNER, true)).isEqualTo(new Event.RegistrationEdited(1, "Đường", "Tóm tắt", null));
        for (Visibility.Viewer viewer : List.of(DISPLAY, OTHER)) {
            assertThat(Visibility.event(edit, viewer, false)).isEqualTo(new Event.RegistrationEdited(1, null, null, null));
        }
        assertThat(Visibility.event(edit, Visibility.Viewer.of(Actor.SECRETARY), false)).isEqualTo(edit);
    }

    @Test
    void staffGetEveryEventAsRecorded() {
        var m = ReplayTest.plan004Meeting();
        for (Event e : m.events()) {
            for (Actor staff : List.of(Actor.CHAIR, Actor.SECRETARY, Actor.ORGANISER, Actor.SERVER)) {
                assertThat(Visibility.event(e, Visibility.Viewer.of(staff), false)).isSameAs(e);
            }
        }
    }

    @Test
    void onlyRegistrationsEditsAndTheSecretarysLinesCarryPrivateDataInAMeetingWithoutPetitions() {
        var m = ReplayTest.plan004Meeting();
        for (Event e : m.events()) {
            boolean isPrivate = e instanceof Event.SpeakerRegistered || e instanceof Event.RegistrationEdited
                    || e instanceof Event.MinuteRecorded || e instanceof Event.MinuteCorrected;
            assertThat(Visibility.hasPrivateData(e)).as("%s", e).isEqualTo(isPrivate);
            if (!isPrivate) {
                assertThat(Visibility.event(e, DISPLAY, false)).isSameAs(e);
            }
        }
    }

    @Test
    void noPhoneNoteOrAttendeeIdLeaksToTheDisplayAnywhereInAWholeMeeting() {
        var m = ReplayTest.plan004Meeting();
        List<String> secrets = List.of("0912 000 111", "Không có điện thoại", "Ưu tiên", "phone-hoa", "phone-mai",
                "phone-lan", "phone-tuan");
        assertThat(m.state().toString()).contains(secrets);

        for (Visibility.Viewer viewer : List.of(DISPLAY, Visibility.Viewer.of(Actor.attendee("phone-stranger")))) {
            String shownState = Visibility.publicState(m.state(), viewer).toString();
            secrets.forEach(secret -> assertThat(shownState).doesNotContain(secret));
            for (Event e : m.events()) {
                String shown = Visibility.event(e, viewer, false).toString();
                secrets.forEach(secret -> assertThat(shown).as("%s", e).doesNotContain(secret));
            }
        }
    }

    @Test
    void anAttendeeSeesItsOwnAttendeeIdButNoOneElses() {
        var m = ReplayTest.plan004Meeting();
        var hoa = Visibility.Viewer.of(Actor.attendee("phone-hoa"));
        PublicState shown = Visibility.publicState(m.state(), hoa);
        assertThat(shown.registrations().values()).extracting(Registration::attendeeId)
                .containsExactly("phone-hoa", "phone-hoa");
        assertThat(shown.toString()).doesNotContain("phone-mai").doesNotContain("0912 000 111");
    }

    // ---- the minutes while they are drafted -----------------------------------------------

    /** A speech with the secretary's line on it, corrected once, then the close. */
    private static MeetingScript withSecretarysLines() {
        var m = MeetingScript.started();
        int id = m.desk("Nguyễn Văn An", "Thôn Broch", "Đường liên thôn");
        m.speak(id, java.time.Duration.ofMinutes(2));
        m.ok(SECRETARY, new Command.RecordMinute("Ông An nói đường ngập khi mưa.", null));
        m.ok(SECRETARY, new Command.CorrectMinute(m.lastMinute().id(), "Ông An đề nghị làm cống thoát nước."));
        m.ok(CHAIR, new Command.CloseMeeting());
        return m;
    }

    @Test
    void theHallSeesTheAutomaticLinesOfTheMinutesAndStaffSeeTheSecretarysToo() {
        var m = withSecretarysLines();
        MeetingState s = m.state();
        assertThat(s.minutes()).extracting(MinuteEntry::automatic).contains(true, false);
        for (var viewer : List.of(DISPLAY, OWNER, Visibility.Viewer.of(Actor.DOOR))) {
            PublicState shown = Visibility.publicState(s, viewer);
            assertThat(shown.minutes()).allMatch(MinuteEntry::automatic)
                    .hasSize((int) s.minutes().stream().filter(MinuteEntry::automatic).count());
            assertThat(shown.minutes()).extracting(MinuteEntry::text)
                    .anyMatch(text -> text.contains("Nguyễn Văn An (Thôn Broch) phát biểu"));
            assertThat(shown.toString()).doesNotContain("đường ngập", "cống thoát nước");
        }
        assertThat(Visibility.snapshot(s, Visibility.Viewer.of(Actor.CHAIR)).toString()).contains("đường ngập", "cống thoát nước");
    }

    @Test
    void theHallLearnsThatTheSecretaryWroteOrCorrectedALineButNotWhat() {
        var m = withSecretarysLines();
        var recorded = m.events().stream().filter(Event.MinuteRecorded.class::isInstance).findFirst().orElseThrow();
        var corrected = m.events().stream().filter(Event.MinuteCorrected.class::isInstance).findFirst().orElseThrow();
        for (var viewer : List.of(DISPLAY, OWNER, Visibility.Viewer.of(Actor.DOOR))) {
            var r = (Event.MinuteRecorded) Visibility.event(recorded, viewer, false);
            assertThat(r.text()).isNull();
            assertThat(r.entryId()).isEqualTo(((Event.MinuteRecorded) recorded).entryId());
            assertThat(((Event.MinuteCorrected) Visibility.event(corrected, viewer, false)).text()).isNull();
        }
        assertThat(Visibility.event(corrected, Visibility.Viewer.of(Actor.CHAIR), false)).isSameAs(corrected);
    }

    @Test
    void whatTheHallSeesOfALineIsDecidedInOnePlace() {
        var m = withSecretarysLines();
        for (MinuteEntry entry : m.state().minutes()) {
            assertThat(Visibility.hallSeesMinute(entry, m.state())).isEqualTo(entry.automatic());
        }
    }

    @Test
    void everyoneSeesWhenTheNoticeOfConclusionsIsPublished() {
        var m = withSecretarysLines();
        m.advanceSeconds(3600);
        var published = m.ok(MeetingScript.ORGANISER, new Command.PublishNotice()).get(0);
        assertThat(Visibility.hasPrivateData(published)).isFalse();
        assertThat(Visibility.event(published, DISPLAY, false)).isSameAs(published);
        for (var viewer : List.of(DISPLAY, OWNER, Visibility.Viewer.of(Actor.DOOR))) {
            assertThat(Visibility.publicState(m.state(), viewer).noticePublishedAt()).isEqualTo(m.now());
        }
    }

    @Test
    void aViewerIsMadeFromAnActor() {
        assertThat(Visibility.Viewer.of(Actor.attendee("x"))).isEqualTo(new Visibility.Viewer(Role.ATTENDEE, "x"));
        assertThat(Visibility.Viewer.of(Actor.CHAIR)).isEqualTo(new Visibility.Viewer(Role.CHAIR, null));
        assertThat(CHAIR.role().isStaff()).isTrue();
        assertThat(Role.DISPLAY.isStaff()).isFalse();
        assertThat(Role.ATTENDEE.isStaff()).isFalse();
    }
}
