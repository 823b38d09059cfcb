package vn.doithoai.meeting;

import org.junit.jupiter.api.Test;
import vn.doithoai.codec.Json;
import vn.doithoai.rules.Refusal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;
import static vn.doithoai.meeting.MeetingScript.ORGANISER;
import static vn.doithoai.meeting.MeetingScript.SECRETARY;
import static vn.doithoai.meeting.MeetingScript.phone;

/** Petitions in the live meeting: the organiser's agenda, a registration's petition, the petitions a conclusion answers. */
class PetitionsInTheMeetingTest {

    private static final String LAND = "KN-7QX4-M2PD";
    private static final String ROAD = "KN-ABCD-EFGH";
    private static final String PREPARED = "Phòng Kinh tế đã trình UBND xã phương án đo đạc lại ranh giới trong quý III.";

    private static AgendaPetition land() {
        return new AgendaPetition(UUID.randomUUID(), LAND, "Làng Chuet 1", "Đất đai", "Đề nghị đo đạc lại ranh giới đất",
                "Phòng Kinh tế", PREPARED);
    }

    private static AgendaPetition road() {
        return new AgendaPetition(UUID.randomUUID(), ROAD, "Làng Bi", "Hạ tầng, giao thông", "Đường vào khu sản xuất sạt lở",
                null, null);
    }

    private static Command.Register registerWith(String code) {
        return new Command.Register("Rơ Châm H'Bia", "Làng Chuet 1", null, "Ranh giới đất", null, null, null, code);
    }

    private static Command.RecordConclusion concluding(String text, List<String> codes) {
        return new Command.RecordConclusion(text, Outcome.ANSWERED, null, null, null, codes);
    }

    // ---- the agenda ---------------------------------------------------------------------

    @Test
    void onlyTheOrganiserSetsTheAgendaAndEachSettingReplacesTheOneBefore() {
        var m = MeetingScript.registrationOpen();
        assertThat(m.refusedCode(CHAIR, new Command.SetPetitionAgenda(List.of(land())))).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(m.refusedCode(SECRETARY, new Command.SetPetitionAgenda(List.of(land())))).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(m.refusedCode(phone("a1"), new Command.SetPetitionAgenda(List.of(land())))).isEqualTo(Refusal.WRONG_ROLE);

        m.ok(ORGANISER, new Command.SetPetitionAgenda(List.of(land(), road())));
        assertThat(m.state().agenda()).extracting(AgendaPetition::trackingCode).containsExactly(LAND, ROAD);
        m.ok(ORGANISER, new Command.SetPetitionAgenda(List.of(road())));
        assertThat(m.state().agenda()).extracting(AgendaPetition::trackingCode).containsExactly(ROAD);
        m.ok(ORGANISER, new Command.SetPetitionAgenda(null));
        assertThat(m.state().agenda()).isEmpty();
    }

    @Test
    void theAgendaIsCleanedAndRefusedWhenTooLongTwiceTheSameOrBadlyShaped() {
        var m = MeetingScript.created();
        AgendaPetition loose = new AgendaPetition(UUID.randomUUID(), " kn 7qx4 m2pd ", " Làng\u200b Chuet 1 ", "Đất đai",
                "Nội dung", "Phòng Kinh tế", "  " + PREPARED + "\n");
        m.ok(ORGANISER, new Command.SetPetitionAgenda(List.of(loose)));
        AgendaPetition kept = m.state().agenda().get(0);
        assertThat(kept.trackingCode()).isEqualTo(LAND);
        assertThat(kept.village()).isEqualTo("Làng Chuet 1");
        assertThat(kept.preparedAnswer()).isEqualTo(PREPARED);

        assertThat(m.refused(ORGANISER, new Command.SetPetitionAgenda(List.of(land(), land()))).en()).contains("twice");
        var many = new ArrayList<AgendaPetition>();
        for (int i = 0; i < 201; i++) {
            many.add(land());
        }
        Refusal tooMany = m.refused(ORGANISER, new Command.SetPetitionAgenda(many));
        assertThat(tooMany.vi()).contains("tối đa 200");
        assertThat(tooMany.en()).contains("at most 200");
        AgendaPetition badCode = new AgendaPetition(UUID.randomUUID(), "KN-0000-1111", null, null, null, null, null);
        assertThat(m.refusedCode(ORGANISER, new Command.SetPetitionAgenda(List.of(badCode)))).isEqualTo(Refusal.FIELD_INVALID);
        AgendaPetition noId = new AgendaPetition(null, LAND, null, null, null, null, null);
        assertThat(m.refusedCode(ORGANISER, new Command.SetPetitionAgenda(List.of(noId)))).isEqualTo(Refusal.FIELD_MISSING);
        AgendaPetition longAnswer = new AgendaPetition(UUID.randomUUID(), LAND, null, null, null, null, "x".repeat(5001));
        assertThat(m.refused(ORGANISER, new Command.SetPetitionAgenda(List.of(longAnswer))).vi()).contains("Trả lời chuẩn bị");
        assertThat(m.refusedCode(ORGANISER, new Command.SetPetitionAgenda(Collections.singletonList(null))))
                .isEqualTo(Refusal.FIELD_MISSING);
    }

    @Test
    void aClosedMeetingTakesNoNewAgenda() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        assertThat(m.refusedCode(ORGANISER, new Command.SetPetitionAgenda(List.of(land())))).isEqualTo(Refusal.WRONG_STATE);
    }

    // ---- a registration's petition ------------------------------------------------------

    @Test
    void aPhoneOrTheDeskGivesATrackingCodeHoweverTypedAndABadShapeIsRefusedInBothLanguages() {
        var m = MeetingScript.registrationOpen();
        m.ok(phone("a1"), registerWith("kn-7qx4 m2pd"));
        assertThat(m.registration(1).petitionCode()).isEqualTo(LAND);
        m.ok(SECRETARY, new Command.RegisterAtDesk("Siu Thuấn", "Làng Bi", null, "Đường", null, null, null, null, "abcdefgh"));
        assertThat(m.registration(2).petitionCode()).isEqualTo(ROAD);
        m.ok(phone("a2"), registerWith("  "));
        assertThat(m.registration(3).petitionCode()).isNull();

        for (String bad : new String[] {"KN-7QX4", "KN-0OIL-1111", "PA-7QX4-M2PD", "KN-7QX4-M2PD-X", "x".repeat(300)}) {
            Refusal refusal = m.refused(phone("a3"), registerWith(bad));
            assertThat(refusal.code()).as(bad).isEqualTo(Refusal.FIELD_INVALID);
            assertThat(refusal.vi()).as(bad).contains("Mã kiến nghị", "KN-XXXX-XXXX");
            assertThat(refusal.en()).as(bad).contains("Petition tracking code", "KN-XXXX-XXXX");
        }
    }

    @Test
    void theChairOrTheSecretaryLinksAndUnlinksARegistrationAndNobodyElseDoes() {
        var m = MeetingScript.started();
        int id = m.register("a1", "Rơ Châm H'Bia", "Làng Chuet 1", "Ranh giới đất");
        assertThat(m.refusedCode(phone("a1"), new Command.LinkPetition(id, LAND))).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(m.refusedCode(MeetingScript.DISPLAY, new Command.LinkPetition(id, LAND))).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(m.refusedCode(ORGANISER, new Command.LinkPetition(id, LAND))).isEqualTo(Refusal.WRONG_ROLE);

        assertThat(m.ok(CHAIR, new Command.LinkPetition(id, "kn7qx4m2pd"))).containsExactly(new Event.PetitionLinked(id, LAND));
        assertThat(m.registration(id).petitionCode()).isEqualTo(LAND);
        assertThat(m.refusedCode(SECRETARY, new Command.LinkPetition(id, LAND))).isEqualTo(Refusal.WRONG_STATE);
        m.ok(SECRETARY, new Command.LinkPetition(id, ROAD));
        assertThat(m.registration(id).petitionCode()).isEqualTo(ROAD);
        m.ok(CHAIR, new Command.LinkPetition(id, null));
        assertThat(m.registration(id).petitionCode()).isNull();

        assertThat(m.refusedCode(CHAIR, new Command.LinkPetition(id, "KN-1234"))).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(m.refusedCode(CHAIR, new Command.LinkPetition(99, LAND))).isEqualTo(Refusal.NOT_FOUND);
    }

    // ---- conclusions --------------------------------------------------------------------

    @Test
    void aConclusionKeepsThePetitionsItAnswersOnceEachAndItsCorrectionMayChangeThem() {
        var m = MeetingScript.started();
        m.ok(CHAIR, concluding("Đo đạc lại ranh giới trong quý III.", List.of("kn 7qx4 m2pd", LAND, ROAD)));
        assertThat(m.state().conclusions().get(0).petitionCodes()).containsExactly(LAND, ROAD);
        m.ok(SECRETARY, new Command.CorrectConclusion(1, "Đo đạc lại ranh giới trong tháng 7.", Outcome.ANSWERED, null, null,
                null, List.of(LAND)));
        assertThat(m.state().conclusions().get(0).petitionCodes()).containsExactly(LAND);
        m.ok(CHAIR, concluding("Kết luận không về kiến nghị nào.", null));
        assertThat(m.state().conclusions().get(1).petitionCodes()).isEmpty();
    }

    @Test
    void aConclusionRefusesABadCodeAndMoreThanFiftyCodes() {
        var m = MeetingScript.started();
        assertThat(m.refused(CHAIR, concluding("Kết luận.", List.of(LAND, "KN-12"))).vi()).contains("KN-XXXX-XXXX");
        var many = new ArrayList<String>();
        for (int i = 0; i < 51; i++) {
            many.add(LAND);
        }
        Refusal refusal = m.refused(CHAIR, concluding("Kết luận.", many));
        assertThat(refusal.vi()).contains("tối đa 50");
        assertThat(refusal.en()).contains("at most 50");
    }

    // ---- who sees what ------------------------------------------------------------------

    /** An agenda with a prepared answer, a phone registration with its code, a conclusion naming both codes. */
    private static MeetingScript meetingWithPetitions() {
        var m = MeetingScript.created();
        m.ok(ORGANISER, new Command.SetPetitionAgenda(List.of(land(), road())));
        m.ok(CHAIR, new Command.OpenRegistration());
        m.ok(CHAIR, new Command.StartMeeting());
        m.ok(phone("a1"), registerWith(LAND));
        m.ok(SECRETARY, new Command.RegisterAtDesk("Siu Thuấn", "Làng Bi", null, "Đường", null, null, null, null, null));
        m.ok(SECRETARY, new Command.LinkPetition(2, ROAD));
        m.ok(CHAIR, concluding("Đo đạc lại ranh giới trong quý III.", List.of(LAND, ROAD)));
        return m;
    }

    @Test
    void theHallNeverSeesTheAgendaNorOtherPeoplesCodesAndAPhoneSeesItsOwn() {
        var m = meetingWithPetitions();
        Visibility.Viewer display = Visibility.Viewer.of(Actor.DISPLAY);
        Visibility.Viewer owner = Visibility.Viewer.of(Actor.attendee("a1"));
        Visibility.Viewer other = Visibility.Viewer.of(Actor.attendee("a2"));
        Visibility.Viewer door = Visibility.Viewer.of(Actor.DOOR);
        for (Visibility.Viewer viewer : List.of(display, owner, other, door)) {
            String snapshot = Json.write(Visibility.snapshot(m.state(), viewer));
            assertThat(snapshot).as(viewer.role().name()).doesNotContain(PREPARED, "Đề nghị đo đạc", ROAD, "agenda");
            assertThat(snapshot).as(viewer.role().name()).contains("Đo đạc lại ranh giới trong quý III.");
        }
        assertThat(Json.write(Visibility.snapshot(m.state(), owner))).contains(LAND);
        assertThat(Json.write(Visibility.snapshot(m.state(), other))).doesNotContain(LAND);
        assertThat(Json.write(Visibility.snapshot(m.state(), display))).doesNotContain(LAND);
        String staff = Json.write(Visibility.snapshot(m.state(), Visibility.Viewer.of(Actor.CHAIR)));
        assertThat(staff).contains(PREPARED, LAND, ROAD);
    }

    @Test
    void theHallsEventsAndPatchesCarryNoAgendaNorCodesButItsOwn() {
        var m = MeetingScript.created();
        Visibility.Viewer display = Visibility.Viewer.of(Actor.DISPLAY);
        Visibility.Viewer owner = Visibility.Viewer.of(Actor.attendee("a1"));
        var commands = new ArrayList<Object[]>();
        commands.add(new Object[] {ORGANISER, new Command.SetPetitionAgenda(List.of(land(), road()))});
        commands.add(new Object[] {CHAIR, new Command.OpenRegistration()});
        commands.add(new Object[] {CHAIR, new Command.StartMeeting()});
        commands.add(new Object[] {phone("a1"), registerWith(LAND)});
        commands.add(new Object[] {SECRETARY, new Command.LinkPetition(1, ROAD)});
        commands.add(new Object[] {CHAIR, concluding("Kết luận.", List.of(LAND, ROAD))});
        commands.add(new Object[] {CHAIR, new Command.CorrectConclusion(1, "Sửa.", Outcome.ANSWERED, null, null, null, List.of(LAND))});
        var hallSaw = new StringBuilder();
        var ownerSaw = new StringBuilder();
        for (Object[] c : commands) {
            MeetingState before = m.state();
            for (Event e : m.ok((Actor) c[0], (Command) c[1])) {
                StatePatch patch = StatePatch.between(before, m.state());
                hallSaw.append(Json.write(Visibility.event(e, display, false))).append(Json.write(patch.visibleTo(display).parts()));
                boolean own = patch.registrationOwners().contains("a1");
                ownerSaw.append(Json.write(Visibility.event(e, owner, own))).append(Json.write(patch.visibleTo(owner).parts()));
                assertThat(Visibility.hasPrivateData(e) || Json.write(e).equals(Json.write(Visibility.event(e, display, false))))
                        .as("an event the hall reads differently says so: " + e).isTrue();
            }
        }
        assertThat(hallSaw.toString()).doesNotContain(PREPARED, LAND, ROAD, "Phòng Kinh tế");
        assertThat(ownerSaw.toString()).doesNotContain(PREPARED, "Phòng Kinh tế").contains(LAND, ROAD);
    }

    @Test
    void theRecordReplaysToTheLiveStateWithTheAgendaTheLinksAndTheCodes() {
        var m = meetingWithPetitions();
        m.ok(CHAIR, new Command.CloseMeeting());
        MeetingState replayed = MeetingRules.replay(m.recorded());
        assertThat(replayed).isEqualTo(m.state());
        assertThat(replayed.agenda()).hasSize(2);
        assertThat(replayed.registration(2).orElseThrow().petitionCode()).isEqualTo(ROAD);
        assertThat(replayed.conclusions().get(0).petitionCodes()).containsExactly(LAND, ROAD);
    }

    @Test
    void anEventStoredBeforePetitionsReadsWithoutThem() throws Exception {
        var registered = Json.read("""
                {"registrationId":1,"name":"An","village":"Thôn 1","group":null,"topic":"Đường","summary":null,
                 "phone":null,"note":null,"source":"DESK","attendeeId":null,"minutes":null}""", Event.SpeakerRegistered.class);
        assertThat(registered.petitionCode()).isNull();
        var concluded = Json.read("""
                {"conclusionId":1,"text":"Kết luận.","outcome":"ANSWERED","office":null,"deadline":null,"turnIds":[]}""",
                Event.ConclusionRecorded.class);
        assertThat(concluded.petitionCodes()).isEmpty();
    }
}
